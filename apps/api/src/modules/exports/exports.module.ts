import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { unitOfWork } from '../../platform/db/unit-of-work.ts';
import type { Guards } from '../auth/index.ts';
import type { ExportJob } from './exports.jobs.ts';
import { createExportsRepository } from './exports.repository.ts';
import { exportsRoutes } from './exports.routes.ts';
import { createExportsService } from './exports.service.ts';

type Deps = {
  db: Kysely<DB>;
  guards: Guards;
  maxPerHour: number;
  /** Enqueues the export job in the transaction that records the request (the job system). */
  schedule: (trx: Kysely<DB>, job: ExportJob, requestId: string) => Promise<unknown>;
};

/** Exports of a workspace's tasks: asked for by a member, made by a job, downloaded by members. */
export function createExportsModule({ db, guards, maxPerHour, schedule }: Deps) {
  const service = createExportsService({
    repo: createExportsRepository(db),
    uow: unitOfWork(db, {
      exports: createExportsRepository,
      schedule: (trx: Kysely<DB>) => ({
        enqueue: (job: ExportJob, requestId: string) => schedule(trx, job, requestId),
      }),
    }),
    maxPerHour,
  });
  return {
    routes: async (app: FastifyInstance) => app.register(exportsRoutes, { service, guards }),
  };
}
