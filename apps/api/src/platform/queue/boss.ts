import type { PGlite } from '@electric-sql/pglite';
import type { Kysely } from 'kysely';
import { type ConstructorOptions, fromPglite, PgBoss } from 'pg-boss';
import type { DB } from '../../db/schema.ts';
import type { Database } from '../db/database.ts';

export const JOBS_SCHEMA = 'pgboss';

/**
 * PGlite through Kysely's connection queue: a statement of the job queue never runs inside a
 * request's open transaction (where a rollback would take it along, STACK.md), and waits its turn.
 */
function queuedPglite(pglite: PGlite, db: Kysely<DB>): PGlite {
  const queued = <T>(work: () => Promise<T>) => db.connection().execute(() => work());
  return new Proxy(pglite, {
    get(target, property, receiver) {
      if (property === 'query') {
        return (text: string, values?: unknown[]) => queued(() => target.query(text, values));
      }
      if (property === 'exec') return (text: string) => queued(() => target.exec(text));
      if (property === 'listen') {
        return (channel: string, callback: (payload: string) => void) =>
          queued(() => target.listen(channel, callback));
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

export type BossRole = {
  /** Installs or upgrades pg-boss's own schema on start. */
  migrate: boolean;
  /** Runs maintenance (expired jobs, retention, dead workers) and cron schedules: worker hosts. */
  supervise: boolean;
};

/** A pg-boss over the same database as the app: its own pool on PostgreSQL, the shared PGlite. */
export function createBoss(
  database: Database,
  role: BossRole,
  tuning: Partial<ConstructorOptions>,
) {
  const common: ConstructorOptions = {
    schema: JOBS_SCHEMA,
    application_name: 'taskflow-jobs',
    // Workers are woken by NOTIFY when a job is sent, instead of waiting for their next poll.
    useListenNotify: true,
    migrate: role.migrate,
    createSchema: role.migrate,
    supervise: role.supervise,
    schedule: role.supervise,
    ...tuning,
  };
  if (database.kind === 'postgres' && database.url) {
    return new PgBoss({ ...common, connectionString: database.url, max: 5 });
  }
  if (database.kind === 'pglite' && database.pglite) {
    return new PgBoss({
      ...common,
      backend: 'pglite',
      db: fromPglite(queuedPglite(database.pglite, database.db)),
    });
  }
  // Offline (building the OpenAPI document): a queue that can be declared but never reaches SQL.
  return new PgBoss({
    ...common,
    db: {
      executeSql: () => Promise.reject(new Error('the offline database runs no jobs')),
    },
  });
}

/** Installs or upgrades pg-boss's schema (`taskflow migrate up` in a cluster), then lets go. */
export async function installJobSchema(database: Database) {
  const boss = createBoss(database, { migrate: true, supervise: false }, {});
  const failures: unknown[] = [];
  boss.on('error', (error) => failures.push(error));
  await boss.start();
  await boss.stop({ graceful: false, close: true });
  if (failures.length > 0) throw failures[0];
}
