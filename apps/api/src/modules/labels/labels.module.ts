import type { WorkspaceRole } from '@taskflow/contract';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { unitOfWork } from '../../platform/db/unit-of-work.ts';
import type { Guards } from '../auth/index.ts';
import type { LabelTasks } from '../tasks/index.ts';
import { createLabelsRepository } from './labels.repository.ts';
import { labelsRoutes } from './labels.routes.ts';
import { createLabelsService } from './labels.service.ts';

type Deps = {
  db: Kysely<DB>;
  guards: Guards;
  /** The user's role in a workspace (the workspaces feature). */
  roleOf: (workspaceId: string, userId: string) => Promise<WorkspaceRole | undefined>;
  /** A renamed label on the workspace's tasks, in the rename's transaction (the tasks feature). */
  labelTasks: (trx: Kysely<DB>) => LabelTasks;
};

/** A workspace's label definitions and their colours. */
export function createLabelsModule({ db, guards, roleOf, labelTasks }: Deps) {
  const service = createLabelsService({
    repo: createLabelsRepository(db),
    uow: unitOfWork(db, { labels: createLabelsRepository, labelTasks }),
    roleOf,
  });
  return {
    routes: async (app: FastifyInstance) => app.register(labelsRoutes, { service, guards }),
  };
}
