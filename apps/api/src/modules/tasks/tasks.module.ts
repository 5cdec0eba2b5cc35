import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../db/schema.ts';
import { createVersionedCache, type SharedCache } from '../../platform/cache/shared-cache.ts';
import { unitOfWork } from '../../platform/db/unit-of-work.ts';
import type { Guards } from '../auth/index.ts';
import { taskBulkRoutes } from './task-bulk.routes.ts';
import { bulkRepositories, createTaskBulkService } from './task-bulk.service.ts';
import { createTaskHistoryRepository } from './task-history.repository.ts';
import { createTaskHistoryService } from './task-history.service.ts';
import { createStatsRepository } from './task-stats.repository.ts';
import { createStatsService } from './task-stats.service.ts';
import { createTrashRepository } from './task-trash.repository.ts';
import { createTrashService } from './task-trash.service.ts';
import { createTasksRepository } from './tasks.repository.ts';
import { tasksRoutes } from './tasks.routes.ts';
import { createTasksService, taskRepositories } from './tasks.service.ts';

type Deps = {
  db: Kysely<DB>;
  guards: Guards;
  cache: SharedCache;
  logger: Logger;
  /** Whether the user belongs to the workspace (the workspaces feature answers). */
  isMember: (workspaceId: string, userId: string) => Promise<boolean>;
};

/** Stats stay cached this long at most, even if no write invalidates them. */
const STATS_TTL_MS = 5 * 60_000;

/** The tasks of workspaces and their stats, under /api/v1/workspaces/{workspaceId}. */
export function createTasksModule({ db, guards, cache, logger, isMember }: Deps) {
  const stats = createStatsService({
    repo: createStatsRepository(db),
    isMember,
    cache: createVersionedCache(cache, 'stats', STATS_TTL_MS, (err) =>
      logger.warn({ err }, 'stats cache unavailable; computing without it'),
    ),
  });
  const tasks = createTasksService({
    repo: createTasksRepository(db),
    uow: unitOfWork(db, taskRepositories),
    isMember,
    invalidateStats: stats.invalidate,
  });
  const history = createTaskHistoryService({
    history: createTaskHistoryRepository(db),
    requireTask: tasks.get,
  });
  const trash = createTrashService({ repo: createTrashRepository(db), isMember });
  const bulk = createTaskBulkService({
    uow: unitOfWork(db, bulkRepositories),
    invalidateStats: stats.invalidate,
  });
  return {
    routes: async (app: FastifyInstance) => {
      await app.register(tasksRoutes, { tasks, stats, history, trash, guards });
      await app.register(taskBulkRoutes, { bulk, guards });
    },
  };
}
