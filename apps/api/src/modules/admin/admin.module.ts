import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { unitOfWork } from '../../platform/db/unit-of-work.ts';
import { createAccountRecords, type Guards } from '../auth/index.ts';
import { createOutbox } from '../events/index.ts';
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

const usersOver = (db: Kysely<DB>, forget: Deps['forget']) =>
  createAdminUsers({
    repo: createAdminRepository(db),
    uow: unitOfWork(db, {
      admin: createAdminRepository,
      accounts: createAccountRecords,
      outbox: createOutbox,
    }),
    forget,
  });

/**
 * `taskflow users set-role`: the role change of the dashboard, by email, audited as the CLI's.
 * Running servers learn of it from the database (revoked sessions, the user's event).
 */
export function createAdminUsersForOperator(db: Kysely<DB>) {
  const repo = createAdminRepository(db);
  const users = usersOver(db, () => {});
  const actor = { userId: null, client: { ip: null, userAgent: 'taskflow users set-role' } };
  return async (email: string, role: 'user' | 'admin') => {
    const found = await repo.findUserIdByEmail(email);
    return found ? users.setRole(actor, found.id, role) : undefined;
  };
}

/** The operator's view: users, jobs, figures and the system. */
export function createAdminModule({ db, guards, jobsAdmin, system, forget }: Deps) {
  const repo = createAdminRepository(db);
  const users = usersOver(db, forget);
  const admin = createAdminService({ repo, jobs: jobsAdmin });
  return {
    /** What administrators do to users. */
    usersRoutes: async (app: FastifyInstance) => app.register(adminRoutes, { users, guards }),
    /** Jobs, figures and the system, for operators. */
    opsRoutes: async (app: FastifyInstance) =>
      app.register(adminOpsRoutes, { admin, jobs: jobsAdmin, system, guards }),
  };
}
