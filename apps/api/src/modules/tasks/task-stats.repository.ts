import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

export type StatsWindow = {
  /** Local today, `YYYY-MM-DD`. */
  today: string;
  /** Where each of the last days begins, oldest first, then where tomorrow begins. */
  bounds: Date[];
};

export type StatsRow = {
  total: number;
  todo: number;
  in_progress: number;
  done: number;
  low: number;
  medium: number;
  high: number;
  urgent: number;
  created_today: number;
  completed_today: number;
  overdue: number;
  /** Completions per day: bucket number (1 = the oldest day) → count; days without any are absent. */
  series: Record<string, number>;
};

/**
 * Task figures in one statement, over live tasks: of one workspace, or (`workspaceId` null, the
 * operator's view) of every workspace.
 */
async function figures(
  db: Kysely<DB>,
  workspaceId: string | null,
  window: StatsWindow,
): Promise<StatsRow> {
  const bounds = window.bounds.map((d) => d.toISOString());
  const first = bounds[0];
  const todayStart = bounds.at(-2);
  const end = bounds.at(-1);
  const live = (alias: string) =>
    workspaceId === null
      ? sql`${sql.raw(alias)}deleted_at is null`
      : sql`${sql.raw(alias)}workspace_id = ${workspaceId} and ${sql.raw(alias)}deleted_at is null`;
  const { rows } = await sql<StatsRow>`
        select
          count(*)::int as total,
          count(*) filter (where status = 'todo')::int as todo,
          count(*) filter (where status = 'in_progress')::int as in_progress,
          count(*) filter (where status = 'done')::int as done,
          count(*) filter (where priority = 'low')::int as low,
          count(*) filter (where priority = 'medium')::int as medium,
          count(*) filter (where priority = 'high')::int as high,
          count(*) filter (where priority = 'urgent')::int as urgent,
          count(*) filter (
            where created_at >= ${todayStart}::timestamptz and created_at < ${end}::timestamptz
          )::int as created_today,
          count(*) filter (
            where status = 'done'
              and completed_at >= ${todayStart}::timestamptz and completed_at < ${end}::timestamptz
          )::int as completed_today,
          count(*) filter (where status <> 'done' and due_date < ${window.today}::date)::int as overdue,
          (
            select coalesce(json_object_agg(s.bucket, s.n), '{}'::json)
            from (
              select width_bucket(c.completed_at, ${bounds}::timestamptz[]) as bucket, count(*)::int as n
              from tasks c
              where ${live('c.')} and c.status = 'done'
                and c.completed_at >= ${first}::timestamptz and c.completed_at < ${end}::timestamptz
              group by 1
            ) s
          ) as series
        from tasks
        where ${live('')}`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('stats query returned no row');
  return row;
}

export function createStatsRepository(db: Kysely<DB>) {
  return {
    /** A workspace's task figures. */
    workspaceStats: (workspaceId: string, window: StatsWindow) => figures(db, workspaceId, window),

    /** The task figures of every workspace together (the operator's `taskflow tasks stats`). */
    instanceStats: (window: StatsWindow) => figures(db, null, window),
  };
}

export type StatsRepository = ReturnType<typeof createStatsRepository>;
