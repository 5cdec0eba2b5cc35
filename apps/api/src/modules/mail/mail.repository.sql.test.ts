import { describe, expect, it } from 'vitest';
import { useMigratedSqlRecorder } from '../../test/sql-recorder-migrated.ts';
import { createEffectsRepository } from './mail.repository.ts';

/**
 * The SQL of job effects, as sent: see __snapshots__/mail.repository.sql. `claim` is
 * `claimEffect` bound to a unit of work's transaction: one statement, whether or not it claims.
 */
const sql = useMigratedSqlRecorder();

describe('job effects repository SQL', () => {
  it('matches the snapshot', async () => {
    const repo = createEffectsRepository(sql.db);
    await sql.record('claim', () => repo.claim('mail:welcome:1', 'mail'));
    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/mail.repository.sql');
  });
});
