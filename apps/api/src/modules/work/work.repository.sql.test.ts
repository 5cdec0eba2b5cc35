import { describe, expect, it } from 'vitest';
import { useSqlRecorder } from '../../test/sql-recorder.ts';
import { createWorkRepository } from './work.repository.ts';

/** The SQL of every "My work" method, as sent: see __snapshots__/work.repository.sql. */
const sql = useSqlRecorder();

describe('work repository SQL', () => {
  it('matches the snapshot', async () => {
    const { userId } = await sql.user();
    const repo = createWorkRepository(sql.db);

    await sql.record('assigned', () =>
      repo.assigned(userId, { today: '2026-03-10', weekEnds: '2026-03-15' }, 100),
    );
    await sql.record('followed', () => repo.followed(userId, new Date('2026-03-03T00:00:00Z'), 50));

    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/work.repository.sql');
  });
});
