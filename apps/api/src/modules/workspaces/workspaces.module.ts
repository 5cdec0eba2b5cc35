import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { unitOfWork } from '../../platform/db/unit-of-work.ts';
import type { Guards } from '../auth/index.ts';
import { createOutbox } from '../events/index.ts';
import type { MemberTasks } from '../tasks/index.ts';
import { createWorkspacesRepository } from './workspaces.repository.ts';
import { workspacesRoutes } from './workspaces.routes.ts';
import { createWorkspacesService } from './workspaces.service.ts';

type Deps = {
  db: Kysely<DB>;
  guards: Guards;
  addMemberLimit: { max: number; windowMs: number };
  /** A leaving member's tasks, in the transaction that removes them (the tasks feature). */
  memberTasks: (trx: Kysely<DB>) => MemberTasks;
};

/** Workspaces and their members. */
export function createWorkspacesModule({ db, guards, addMemberLimit, memberTasks }: Deps) {
  const repo = createWorkspacesRepository(db);
  const service = createWorkspacesService({
    repo,
    uow: unitOfWork(db, {
      workspaces: createWorkspacesRepository,
      outbox: createOutbox,
      memberTasks,
    }),
  });
  return {
    routes: async (app: FastifyInstance) =>
      app.register(workspacesRoutes, { service, guards, addMemberLimit }),
    /** Whether the user belongs to the workspace. */
    isMember: async (workspaceId: string, userId: string) =>
      (await repo.roleOf(workspaceId, userId)) !== undefined,
  };
}
