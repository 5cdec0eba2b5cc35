import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { unitOfWork } from '../../platform/db/unit-of-work.ts';
import type { Guards } from '../auth/index.ts';
import { createOutbox } from '../events/index.ts';
import { createNotificationsRepository } from './notifications.repository.ts';
import { notificationsRoutes } from './notifications.routes.ts';
import { createNotificationsService } from './notifications.service.ts';

/** The caller's notifications, and following tasks. */
export function createNotificationsModule({ db, guards }: { db: Kysely<DB>; guards: Guards }) {
  const service = createNotificationsService({
    repo: createNotificationsRepository(db),
    uow: unitOfWork(db, { notifications: createNotificationsRepository, outbox: createOutbox }),
  });
  return {
    routes: async (app: FastifyInstance) => app.register(notificationsRoutes, { service, guards }),
  };
}
