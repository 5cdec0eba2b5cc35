import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { unitOfWork } from '../../platform/db/unit-of-work.ts';
import type { Guards } from '../auth/index.ts';
import { createOutbox } from '../events/index.ts';
import type { MailPayload } from '../mail/index.ts';
import { createNotices } from '../notifications/index.ts';
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
  /** Where the web app is, for the links in mails. */
  appUrl: () => string;
  /** Sends a mail once `trx` commits (a job enqueued in it). */
  mail: (trx: Kysely<DB>, mail: MailPayload) => Promise<unknown>;
};

/** Workspaces and their members. */
export function createWorkspacesModule({
  db,
  guards,
  addMemberLimit,
  memberTasks,
  appUrl,
  mail,
}: Deps) {
  const repo = createWorkspacesRepository(db);
  const service = createWorkspacesService({
    repo,
    appUrl,
    uow: unitOfWork(db, {
      workspaces: createWorkspacesRepository,
      outbox: createOutbox,
      memberTasks,
      notices: createNotices,
      mails: (trx: Kysely<DB>) => ({ send: (m: MailPayload) => mail(trx, m) }),
    }),
  });
  return {
    routes: async (app: FastifyInstance) =>
      app.register(workspacesRoutes, { service, guards, addMemberLimit }),
    /** Whether the user belongs to the workspace. */
    isMember: async (workspaceId: string, userId: string) =>
      (await repo.roleOf(workspaceId, userId)) !== undefined,
    /** The user's role in the workspace; undefined if not a member. */
    roleOf: (workspaceId: string, userId: string) => repo.roleOf(workspaceId, userId),
    /** A workspace as its member sees it. */
    workspaceFor: service.get,
  };
}
