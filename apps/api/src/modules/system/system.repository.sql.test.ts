import { describe, expect, it } from 'vitest';
import { useMigratedSqlRecorder } from '../../test/sql-recorder-migrated.ts';
import { createSystemRepository } from './system.repository.ts';

/** The SQL of the system's figures, as sent: see __snapshots__/system.repository.sql. */
const sql = useMigratedSqlRecorder();

describe('system repository SQL', () => {
  it('matches the snapshot', async () => {
    await sql.record('roundTrip', () => createSystemRepository(sql.db).roundTrip());
    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/system.repository.sql');
  });
});
