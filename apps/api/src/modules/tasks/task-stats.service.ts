import type { TaskStats } from '@taskflow/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { VersionedCache } from '../../platform/cache/shared-cache.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { recentDays } from '../../platform/time/zoned-days.ts';
import {
  createStatsRepository,
  type StatsRepository,
  type StatsRow,
  type StatsWindow,
} from './task-stats.repository.ts';
import type { TaskScope } from './tasks.repository.ts';

const SERIES_DAYS = 30;

/** Today and the 30 days of the completion series, in `timeZone`. */
function statsWindow(timeZone: string, now: number) {
  const { today, days, end } = recentDays(timeZone, now, SERIES_DAYS);
  return { today, days, bounds: [...days.map((d) => d.start), end] };
}

/** The figures of one statement, as the API answers them. */
function toTaskStats(
  row: StatsRow,
  window: StatsWindow & { days: { date: string }[] },
  timeZone: string,
): TaskStats {
  return {
    byStatus: { todo: row.todo, in_progress: row.in_progress, done: row.done },
    byPriority: { low: row.low, medium: row.medium, high: row.high, urgent: row.urgent },
    total: row.total,
    createdToday: row.created_today,
    completedToday: row.completed_today,
    overdue: row.overdue,
    completionSeries: window.days.map((d, i) => ({
      date: d.date,
      completed: row.series[String(i + 1)] ?? 0,
    })),
    timeZone,
  };
}

type Deps = {
  repo: StatsRepository;
  isMember: (workspaceId: string, userId: string) => Promise<boolean>;
  /** Per workspace; every change to its tasks invalidates it. */
  cache: VersionedCache;
  now?: () => number;
};

/**
 * Workspace stats, computed in one statement and cached until the workspace's tasks change (or
 * the day does: the cache key holds the local date).
 */
export function createStatsService({ repo, isMember, cache, now = Date.now }: Deps) {
  return {
    async stats(scope: TaskScope, timeZone: string): Promise<TaskStats> {
      if (!(await isMember(scope.workspaceId, scope.userId))) throw new NotFoundError('workspace');
      const window = statsWindow(timeZone, now());
      return cache.getOrCompute(scope.workspaceId, `${timeZone}:${window.today}`, async () =>
        toTaskStats(await repo.workspaceStats(scope.workspaceId, window), window, timeZone),
      );
    },

    invalidate: (workspaceId: string) => cache.invalidate(workspaceId),
  };
}

export type StatsService = ReturnType<typeof createStatsService>;

/**
 * Uncached figures of one workspace, or of every workspace of the instance, in `timeZone`
 * (`taskflow tasks stats`): the stats and the date of today there.
 */
export async function statsReport(
  db: Kysely<DB>,
  workspaceId: string | undefined,
  timeZone: string,
): Promise<{ stats: TaskStats; today: string }> {
  const repo = createStatsRepository(db);
  const window = statsWindow(timeZone, Date.now());
  const row = workspaceId
    ? await repo.workspaceStats(workspaceId, window)
    : await repo.instanceStats(window);
  return { stats: toTaskStats(row, window, timeZone), today: window.today };
}
