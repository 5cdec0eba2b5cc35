import type { TaskStats } from '@taskflow/contract';
import type { VersionedCache } from '../../platform/cache/shared-cache.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { recentDays } from '../../platform/time/zoned-days.ts';
import type { StatsRepository } from './task-stats.repository.ts';
import type { TaskScope } from './tasks.repository.ts';

const SERIES_DAYS = 30;

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
      const { today, days, end } = recentDays(timeZone, now(), SERIES_DAYS);
      return cache.getOrCompute(scope.workspaceId, `${timeZone}:${today}`, async () => {
        const bounds = [...days.map((d) => d.start), end];
        const row = await repo.workspaceStats(scope.workspaceId, { today, bounds });
        return {
          byStatus: { todo: row.todo, in_progress: row.in_progress, done: row.done },
          byPriority: { low: row.low, medium: row.medium, high: row.high, urgent: row.urgent },
          total: row.total,
          createdToday: row.created_today,
          completedToday: row.completed_today,
          overdue: row.overdue,
          completionSeries: days.map((d, i) => ({
            date: d.date,
            completed: row.series[String(i + 1)] ?? 0,
          })),
          timeZone,
        };
      });
    },

    invalidate: (workspaceId: string) => cache.invalidate(workspaceId),
  };
}

export type StatsService = ReturnType<typeof createStatsService>;
