import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Guards } from '../auth/index.ts';
import { createWorkRepository } from './work.repository.ts';
import { workRoutes } from './work.routes.ts';
import { createWorkService } from './work.service.ts';

/** "My work": the caller's tasks across workspaces, under /api/v1/me/work. */
export function createWorkModule({ db, guards }: { db: Kysely<DB>; guards: Guards }) {
  const service = createWorkService({ repo: createWorkRepository(db) });
  return {
    routes: async (app: FastifyInstance) => app.register(workRoutes, { service, guards }),
  };
}
