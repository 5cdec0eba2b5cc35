import { describe, expect, it } from 'vitest';
import { insertTask, insertUser, someDay, someDays } from '../../test/sql-data.ts';
import { useMigratedSqlRecorder } from '../../test/sql-recorder-migrated.ts';
import { createStatsRepository } from './task-stats.repository.ts';

/** The SQL of task figures, as sent: see __snapshots__/task-stats.repository.sql. */
const sql = useMigratedSqlRecorder();

describe('task stats repository SQL', () => {
  it('matches the snapshot', async () => {
    const user = await insertUser(sql.db, 'sql@example.com');
    await insertTask(sql.db, user, { status: 'done', completed_at: someDay });
    await insertTask(sql.db, user, { due_date: '2026-01-01' });
    const repo = createStatsRepository(sql.db);
    const window = { today: '2026-01-02', bounds: someDays };
    await sql.record('workspaceStats', () => repo.workspaceStats(user.workspaceId, window));
    await sql.record('instanceStats', () => repo.instanceStats(window));
    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/task-stats.repository.sql');
  });
});
