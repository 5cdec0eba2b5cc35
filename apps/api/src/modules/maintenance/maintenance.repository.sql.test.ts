import { describe, expect, it } from 'vitest';
import { insertUser } from '../../test/sql-data.ts';
import { useMigratedSqlRecorder } from '../../test/sql-recorder-migrated.ts';
import { createMaintenanceRepository } from './maintenance.repository.ts';

/** The SQL of housekeeping, as sent: see __snapshots__/maintenance.repository.sql. */
const sql = useMigratedSqlRecorder();

describe('maintenance repository SQL', () => {
  it('matches the snapshot', async () => {
    const { userId } = await insertUser(sql.db, 'sql@example.com');
    const ended = new Date('2026-01-01T00:00:00Z');
    await sql.db
      .insertInto('sessions')
      .values({ user_id: userId, idle_expires_at: ended, absolute_expires_at: ended })
      .execute();
    const repo = createMaintenanceRepository(sql.db);
    await sql.record('purgeSessions', () => repo.purgeSessions());
    await sql.record('purgeDeletedTasks', () => repo.purgeDeletedTasks(30));
    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/maintenance.repository.sql');
  });
});
