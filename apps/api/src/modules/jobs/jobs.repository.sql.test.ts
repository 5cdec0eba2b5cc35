import { sql as raw } from 'kysely';
import { describe, expect, it } from 'vitest';
import { someDay, someDays } from '../../test/sql-data.ts';
import { useMigratedSqlRecorder } from '../../test/sql-recorder-migrated.ts';
import { createJobsRepository } from './jobs.repository.ts';

/** The SQL of the operator's job views, as sent: see __snapshots__/jobs.repository.sql. */
const sql = useMigratedSqlRecorder();

const jobId = '00000000-0000-4000-8000-000000000001';

describe('jobs repository SQL', () => {
  it('matches the snapshot', async () => {
    await sql.db.insertInto('job_effects').values({ key: 'mail:1', job_type: 'mail' }).execute();
    // A queue made as pg-boss makes one (its job table has a partition per queue), and a job done.
    const queue = { policy: 'standard' };
    await raw`select pgboss.create_queue('export', ${queue})`.execute(sql.db);
    await raw`insert into pgboss.job (id, name, state, completed_on)
      values (${jobId}, 'export', 'completed', ${someDay})`.execute(sql.db);
    const repo = createJobsRepository(sql.db);
    await sql.record('list', () => repo.list({ limit: 20 }));
    await sql.record('list, every filter, after a position', () =>
      repo.list({
        state: 'failed',
        type: 'export',
        before: { createdAt: '2026-01-01 00:00:00+00', id: jobId },
        limit: 20,
      }),
    );
    await sql.record('find', () => repo.find(jobId));
    await sql.record('counts', () => repo.counts(someDay));
    await sql.record('perDay', () => repo.perDay(someDays));
    await sql.record('clearFinished, dry run', () => repo.clearFinished(someDay, true));
    await sql.record('clearFinished', () => repo.clearFinished(someDay, false));
    await sql.record('clearEffects', () => repo.clearEffects(new Date('2099-01-01T00:00:00Z')));
    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/jobs.repository.sql');
  });
});
