import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { unitOfWork } from '../../platform/db/unit-of-work.ts';
import { createAccountRecords, type Guards } from '../auth/index.ts';
import type { JobsAdmin } from '../jobs/index.ts';
import type { SystemService } from '../system/index.ts';
import { createAdminRepository } from './admin.repository.ts';
import { adminRoutes } from './admin.routes.ts';
import { createAdminService, createAdminUsers } from './admin.service.ts';
import { adminOpsRoutes } from './admin-ops.routes.ts';

type Deps = {
  db: Kysely<DB>;
  guards: Guards;
  jobsAdmin: JobsAdmin;
  system: SystemService;
  /** Drops what this process holds of a changed user (the auth feature). */
  forget: (userId: string, revokedSessions: string[]) => void;
};

/** The operator's view: users, jobs, figures and the system. */
export function createAdminModule({ db, guards, jobsAdmin, system, forget }: Deps) {
  const repo = createAdminRepository(db);
  const users = createAdminUsers({
    repo,
    uow: unitOfWork(db, { admin: createAdminRepository, accounts: createAccountRecords }),
    forget,
  });
  const admin = createAdminService({ repo, jobs: jobsAdmin });
  return {
    /** What administrators do to users. */
    usersRoutes: async (app: FastifyInstance) => app.register(adminRoutes, { users, guards }),
    /** Jobs, figures and the system, for operators. */
    opsRoutes: async (app: FastifyInstance) =>
      app.register(adminOpsRoutes, { admin, jobs: jobsAdmin, system, guards }),
  };
}
