import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../db/schema.ts';
import { createVersionedCache, type SharedCache } from '../../platform/cache/shared-cache.ts';
import type { Guards } from '../auth/auth.guards.ts';
import { appendEvents } from '../events/events.repository.ts';
import { recordTaskChanges } from '../tasks/task-activity.ts';
import { createStatsRepository } from '../tasks/task-stats.repository.ts';
import { createStatsService } from '../tasks/task-stats.service.ts';
import { createTasksRepository } from '../tasks/tasks.repository.ts';
import { tasksRoutes } from '../tasks/tasks.routes.ts';
import { createTasksService } from '../tasks/tasks.service.ts';
import { createWorkspacesRepository } from './workspaces.repository.ts';
import { workspacesRoutes } from './workspaces.routes.ts';
import { createWorkspacesService } from './workspaces.service.ts';

type Deps = {
  db: Kysely<DB>;
  guards: Guards;
  cache: SharedCache;
  logger: Logger;
  addMemberLimit: { max: number; windowMs: number };
};

/** Stats stay cached this long at most, even if no write invalidates them. */
const STATS_TTL_MS = 5 * 60_000;

/** Workspaces, their members and their tasks. */
export async function workspacesModule(app: FastifyInstance, deps: Deps) {
  const workspacesRepo = createWorkspacesRepository(deps.db);
  const isMember = async (workspaceId: string, userId: string) =>
    (await workspacesRepo.roleOf(workspaceId, userId)) !== undefined;

  const stats = createStatsService({
    repo: createStatsRepository(deps.db),
    isMember,
    cache: createVersionedCache(deps.cache, 'stats', STATS_TTL_MS, (err) =>
      deps.logger.warn({ err }, 'stats cache unavailable; computing without it'),
    ),
  });
  const tasks = createTasksService({
    repo: createTasksRepository(deps.db),
    isMember,
    changed: stats.invalidate,
    record: recordTaskChanges,
  });
  const workspaces = createWorkspacesService({ repo: workspacesRepo, publish: appendEvents });

  await app.register(workspacesRoutes, {
    service: workspaces,
    guards: deps.guards,
    addMemberLimit: deps.addMemberLimit,
  });
  await app.register(tasksRoutes, { tasks, stats, guards: deps.guards });
}
