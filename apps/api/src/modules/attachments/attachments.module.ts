import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import type { FileStore } from '../../platform/storage/index.ts';
import type { Guards } from '../auth/index.ts';
import { attachmentsRoutes, fileLinkRoutes } from './attachments.routes.ts';
import {
  createAttachmentsService,
  type FileLinks,
  type ScheduleThumbnail,
  spoolDirOf,
} from './attachments.service.ts';

type Deps = {
  db: Kysely<DB>;
  guards: Guards;
  store: FileStore;
  links: FileLinks;
  thumbnail: ScheduleThumbnail;
  files: Config['files'];
};

/**
 * Files attached to tasks, under /api/v1/workspaces/{workspaceId}/tasks/{taskId}/attachments,
 * and the signed links that serve them from a local store, under /api/v1/files.
 */
export function createAttachmentsModule({ db, guards, store, links, thumbnail, files }: Deps) {
  const attachments = createAttachmentsService({
    db,
    store,
    links,
    thumbnail,
    settings: {
      maxBytes: files.maxBytes,
      quotaBytes: files.quotaBytes,
      spoolDir: spoolDirOf(files),
    },
  });
  return {
    routes: async (app: FastifyInstance) => {
      await app.register(attachmentsRoutes, {
        attachments,
        guards,
        maxBytes: files.maxBytes,
        uploadLimit: files.uploadLimit,
      });
      await app.register(fileLinkRoutes, { attachments });
    },
  };
}
