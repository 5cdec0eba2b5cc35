import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Guards } from '../auth/index.ts';
import { commentsRoutes } from './comments.routes.ts';
import { createCommentsService, type MentionMail } from './comments.service.ts';

type Deps = {
  db: Kysely<DB>;
  guards: Guards;
  writeLimit: { max: number; windowMs: number };
  /** Where the web app is, for the links in mails. */
  appUrl: () => string;
  /** Sends a mail once `trx` commits (a job enqueued in it). */
  mail: MentionMail;
};

/** Comments on tasks, under /api/v1/workspaces/{workspaceId}/tasks/{taskId}/comments. */
export function createCommentsModule({ db, guards, writeLimit, appUrl, mail }: Deps) {
  const comments = createCommentsService({ db, appUrl, mail });
  return {
    routes: async (app: FastifyInstance) =>
      app.register(commentsRoutes, { comments, guards, writeLimit }),
  };
}
