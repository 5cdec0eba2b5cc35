import { describe, expect, it } from 'vitest';
import { useSqlRecorder } from '../../test/sql-recorder.ts';
import { createAttachmentsRepository } from './attachments.repository.ts';

/** The SQL of every attachments repository method, as sent: see __snapshots__/attachments.repository.sql. */
const sql = useSqlRecorder();

describe('attachments repository SQL', () => {
  it('matches the snapshot', async () => {
    const { userId, workspaceId } = await sql.user();
    const task = await sql.db
      .insertInto('tasks')
      .values({ workspace_id: workspaceId, title: 'T', position: 'a0', created_by: userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    const scope = { workspaceId, taskId: task.id, userId };
    const repo = createAttachmentsRepository(sql.db);
    const file = (id: string, key: string) => ({
      id,
      name: 'plan.pdf',
      contentType: 'application/pdf',
      size: 1_234,
      storageKey: key,
      state: 'pending' as const,
    });

    await sql.record('access', () => repo.access(scope));
    const first = await repo.insert(scope, file('00000000-0000-4000-8000-000000000001', 'k/1'));
    await sql.record('insert', () =>
      repo.insert(scope, file('00000000-0000-4000-8000-000000000002', 'k/2')),
    );
    await sql.record('list', () => repo.list(scope));
    await sql.record('usage', () => repo.usage(workspaceId));
    await sql.record('countOnTask', () => repo.countOnTask(task.id));
    await sql.record('lockUploads (in a transaction)', () =>
      sql.db
        .transaction()
        .execute((trx) => createAttachmentsRepository(trx).lockUploads(workspaceId)),
    );
    await sql.record('lock (in a transaction)', () =>
      sql.db.transaction().execute((trx) => createAttachmentsRepository(trx).lock(scope, first.id)),
    );
    await sql.record('markReady', () => repo.markReady(first.id, 'application/pdf'));
    await sql.record('servable', () => repo.servable(first.id));
    await sql.record('needingThumbnail', () => repo.needingThumbnail(first.id));
    await sql.record('setThumbnail', () => repo.setThumbnail(first.id, 'k/1.thumb'));
    await sql.record('remove', () => repo.remove(first.id));
    await sql.record('dropAbandoned', () => repo.dropAbandoned(new Date(Date.now() + 1_000)));
    await sql.record('queueDeletion', () => repo.queueDeletion('k/3'));
    await sql.record('deletions', () => repo.deletions(500));
    await sql.record('deletionsDone', () => repo.deletionsDone(['k/1', 'k/1.thumb', 'k/2', 'k/3']));

    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/attachments.repository.sql');
  });
});
