import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { unitOfWork } from '../../platform/db/unit-of-work.ts';
import { createAccountRecords, createPasswordService, type Guards } from '../auth/index.ts';
import { createOutbox } from '../events/index.ts';
import { createSetupRepository } from './setup.repository.ts';
import { setupRoutes } from './setup.routes.ts';
import { createSetupService, issueSetupLink } from './setup.service.ts';

type Deps = {
  db: Kysely<DB>;
  guards: Guards;
  limit: { perIp: number; windowMs: number };
};

/** The first administrator of a database, from a one-time link printed at start. */
export function createSetupModule({ db, guards, limit }: Deps) {
  const service = createSetupService({
    repo: createSetupRepository(db),
    uow: unitOfWork(db, {
      setup: createSetupRepository,
      accounts: createAccountRecords,
      outbox: createOutbox,
    }),
    passwords: createPasswordService(),
  });
  return {
    routes: async (app: FastifyInstance) => app.register(setupRoutes, { service, guards, limit }),
  };
}

/** A setup link for a database without an administrator; undefined when it has one. */
export const issueFirstAdminLink = (db: Kysely<DB>) => issueSetupLink(createSetupRepository(db));
