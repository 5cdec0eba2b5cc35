import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Guards } from '../auth/index.ts';
import { commentsRoutes } from './comments.routes.ts';
import { createCommentsService } from './comments.service.ts';

type Deps = {
  db: Kysely<DB>;
  guards: Guards;
  writeLimit: { max: number; windowMs: number };
};

/** Comments on tasks, under /api/v1/workspaces/{workspaceId}/tasks/{taskId}/comments. */
export function createCommentsModule({ db, guards, writeLimit }: Deps) {
  const comments = createCommentsService(db);
  return {
    routes: async (app: FastifyInstance) =>
      app.register(commentsRoutes, { comments, guards, writeLimit }),
  };
}
