import { describe, expect, it } from 'vitest';
import { useSqlRecorder } from '../../test/sql-recorder.ts';
import { createEventsRepository, insertIntoOutbox, stampOutbox } from './events.repository.ts';

/** The SQL of the outbox: see __snapshots__/events.repository.sql. */
const sql = useSqlRecorder();

describe('events repository SQL', () => {
  it('matches the snapshot', async () => {
    const repo = createEventsRepository(sql.db);
    const workspaceId = '00000000-0000-4000-8000-000000000001';
    const userId = '00000000-0000-4000-8000-000000000002';
    await sql.record('insertIntoOutbox (in a transaction)', () =>
      sql.db.transaction().execute((trx) =>
        insertIntoOutbox(trx, [
          { type: 'task.deleted', workspaceId, actorId: userId, data: { taskId: userId } },
          { type: 'member.removed', workspaceId, userId, actorId: userId, data: { userId } },
        ]),
      ),
    );
    await sql.record('stampOutbox', () => stampOutbox(sql.db, 5000));
    await sql.record('readAfter', () => repo.readAfter('0', 500));
    await sql.record('head', () => repo.head());
    await sql.record('unstamped', () => repo.unstamped());
    await sql.record('startPoint', () => repo.startPoint(userId));
    await sql.record('replay', () =>
      repo.replay({ userId, workspaces: [workspaceId], afterId: '0', upTo: '2', limit: 5001 }),
    );
    await sql.record('prune', () => repo.prune(new Date('2026-01-01T00:00:00Z')));
    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/events.repository.sql');
  });
});
