import type { JobState } from '@taskflow/contract';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { deleteCreatedBefore } from '../../platform/db/retention.ts';
import { JOBS_SCHEMA } from '../../platform/queue/boss.ts';

/** pg-boss's job table (all queues): read here for the operator's views, never written but to purge. */
const jobTable = sql.table(`${JOBS_SCHEMA}.job`);

export type JobRow = {
  id: string;
  name: string;
  state: JobState;
  data: Record<string, unknown> | null;
  output: Record<string, unknown> | null;
  retry_count: number;
  retry_limit: number;
  created_on: string;
  start_after: string;
  started_on: string | null;
  completed_on: string | null;
  created_key: string;
};

type JobFilter = {
  state?: JobState | undefined;
  type?: string | undefined;
  /** Strictly older than this (created time as text, id): the next page. */
  before?: { createdAt: string; id: string } | undefined;
  limit: number;
};

/**
 * pg-boss's own queues (`__pgboss__send-it`, which fires cron schedules) are its machinery, not
 * TaskFlow's jobs: operators never see them in lists, figures or series.
 */
const ours = (name = sql.ref('name')) => sql`not starts_with(${name}, '__pgboss__')`;

/** The statements on jobs, for the admin views and the CLI. */
export function createJobsRepository(db: Kysely<DB>) {
  return {
    list: async (filter: JobFilter) => {
      const where = [ours()];
      if (filter.state) where.push(sql`state = ${filter.state}::${sql.raw(JOBS_SCHEMA)}.job_state`);
      if (filter.type) where.push(sql`name = ${filter.type}`);
      if (filter.before) {
        where.push(
          sql`(created_on, id) < (${filter.before.createdAt}::timestamptz, ${filter.before.id}::uuid)`,
        );
      }
      const { rows } = await sql<JobRow>`
        select id, name, state, data, output, retry_count, retry_limit, created_on, start_after,
          started_on, completed_on, created_on::text as created_key
        from ${jobTable}
        where ${sql.join(where, sql` and `)}
        order by created_on desc, id desc
        limit ${filter.limit + 1}`.execute(db);
      return rows;
    },

    find: async (id: string) => {
      const { rows } = await sql<JobRow>`
        select id, name, state, data, output, retry_count, retry_limit, created_on, start_after,
          started_on, completed_on, created_on::text as created_key
        from ${jobTable} where id = ${id} and ${ours()}`.execute(db);
      return rows[0];
    },

    /** Jobs per queue and state, with what happened since `since` (one statement). */
    counts: async (since: Date) => {
      const { rows } = await sql<{
        name: string;
        state: JobState;
        n: number;
        created_since: number;
        completed_since: number;
        failed_since: number;
      }>`
        select name, state, count(*)::int as n,
          count(*) filter (where created_on >= ${since})::int as created_since,
          count(*) filter (where state = 'completed' and completed_on >= ${since})::int as completed_since,
          count(*) filter (where state = 'failed' and completed_on >= ${since})::int as failed_since
        from ${jobTable} where ${ours()}
        group by name, state order by name, state`.execute(db);
      return rows;
    },

    /** Jobs completed and failed per day in [from, to), by local day boundaries. */
    perDay: async (bounds: Date[]) => {
      const { rows } = await sql<{ day: number; completed: number; failed: number }>`
        select d.i as day,
          count(*) filter (where j.state = 'completed')::int as completed,
          count(*) filter (where j.state = 'failed')::int as failed
        from unnest(${bounds.slice(0, -1)}::timestamptz[], ${bounds.slice(1)}::timestamptz[])
          with ordinality as d(lo, hi, i)
        left join ${jobTable} j on j.completed_on >= d.lo and j.completed_on < d.hi
          and ${ours(sql.ref('j.name'))}
        group by d.i order by d.i`.execute(db);
      return rows;
    },

    /** Deletes (or with `dryRun`, counts) completed and cancelled jobs finished before `before`. */
    clearFinished: async (before: Date, dryRun: boolean) => {
      const finished = sql`state in ('completed', 'cancelled') and completed_on < ${before}`;
      const { rows } = dryRun
        ? await sql<{
            n: number;
          }>`select count(*)::int as n from ${jobTable} where ${finished}`.execute(db)
        : await sql<{ n: number }>`
            with gone as (delete from ${jobTable} where ${finished} returning 1)
            select count(*)::int as n from gone`.execute(db);
      return rows[0]?.n ?? 0;
    },

    /** Forgets job side effects older than `before` (their jobs are long gone). */
    clearEffects: (before: Date) => deleteCreatedBefore(db, 'job_effects', before),
  };
}

export type JobsRepository = ReturnType<typeof createJobsRepository>;
