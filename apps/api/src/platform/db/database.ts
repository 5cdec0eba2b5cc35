import { PGlite } from '@electric-sql/pglite';
import {
  DummyDriver,
  Kysely,
  type KyselyConfig,
  PostgresAdapter,
  PostgresDialect,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
} from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import { IsoTimestamps } from './iso-timestamps.ts';
import { type Listen, listenOnPglite, listenOnPostgres, noListening } from './listen.ts';
import { openPglite } from './pglite.ts';
import { boundedPool } from './unavailable.ts';

export type PoolCounts = { total: number; idle: number; waiting: number; max: number };

const noPool = () => null;
const PROBE_TIMEOUT_MS = 1_000;

const pingOver = (db: Kysely<DB>) => async () => {
  await sql`select 1`.execute(db);
};

export type Database = {
  db: Kysely<DB>;
  kind: 'pglite' | 'postgres' | 'offline';
  /** LISTEN on a channel: NOTIFYs committed by any process (this one included) call back. */
  listen: Listen;
  /** The embedded instance (the job queue shares it, through Kysely's connection queue). */
  pglite?: PGlite;
  /** The embedded data directory, when PGlite runs on disk (not in memory). */
  dataDir?: string;
  /** The PostgreSQL URL (the job queue opens its own pool on it). */
  url?: string;
  /** The connection pool's figures; null where there is no pool (PGlite has one connection). */
  poolCounts(): PoolCounts | null;
  /**
   * `select 1`, for readiness: on PostgreSQL over a connection of its own, so that it answers
   * within `PROBE_TIMEOUT_MS` even while the pool is saturated.
   */
  ping(): Promise<void>;
  close(): Promise<void>;
};

/** What every connection's results go through. */
const plugins = [new IsoTimestamps()];

/** The embedded database: PGlite in `dataDir`, locked against a second process. */
export async function openEmbeddedDatabase(dataDir: string): Promise<Database> {
  const { pglite, lock } = await openPglite(dataDir);
  return { ...overPglite(pglite, undefined, () => lock.release()), dataDir };
}

/** A database over a PGlite instance; closing it closes PGlite, then runs `closed`. */
function overPglite(pglite: PGlite, log?: QueryLog, closed?: () => void): Database {
  const db = new Kysely<DB>({
    dialect: new PGliteDialect(pglite),
    plugins,
    ...(log ? { log } : {}),
  });
  return {
    db,
    kind: 'pglite',
    listen: listenOnPglite(pglite, db),
    pglite,
    poolCounts: noPool,
    ping: pingOver(db),
    async close() {
      await db.destroy();
      closed?.();
    },
  };
}

/** Kysely's hook on every statement executed (tests count them). */
export type QueryLog = KyselyConfig['log'];

/**
 * A throwaway in-memory PGlite (tests and tools): empty, or a copy of `template` (a data
 * directory dumped by PGlite's `dumpDataDir`).
 */
export async function openMemoryDatabase(log?: QueryLog, template?: Blob): Promise<Database> {
  return overPglite(await PGlite.create(template ? { loadDataDir: template } : {}), log);
}

export function openPostgresDatabase(
  url: string,
  db: Config['db'],
  log?: QueryLog,
  logger?: Logger,
): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: db.poolMax,
    connectionTimeoutMillis: db.connectionTimeoutMs,
    idleTimeoutMillis: db.idleTimeoutMs,
    statement_timeout: db.statementTimeoutMs,
    application_name: 'taskflow',
  });
  // An idle connection that breaks (a PostgreSQL restart) is dropped and replaced on demand;
  // without a listener its error would end the process.
  pool.on('error', (error) => logger?.warn({ err: error }, 'idle database connection lost'));
  const kysely = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: boundedPool(pool, db.poolMaxWaiting) }),
    plugins,
    ...(log ? { log } : {}),
  });
  const listening = listenOnPostgres(url, db.connectionTimeoutMs, logger);
  const probe = new pg.Pool({
    connectionString: url,
    max: 1,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
    idleTimeoutMillis: 60_000,
    query_timeout: PROBE_TIMEOUT_MS,
    application_name: 'taskflow-probe',
  });
  probe.on('error', () => undefined);
  return {
    db: kysely,
    kind: 'postgres',
    listen: listening.listen,
    url,
    poolCounts: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: db.poolMax,
    }),
    async ping() {
      await probe.query('select 1');
    },
    async close() {
      await listening.close();
      await probe.end().catch(() => undefined);
      await kysely.destroy();
    },
  };
}

/** A database that never connects: builds SQL only (OpenAPI export, route introspection). */
export function openOfflineDatabase(): Database {
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  return {
    db,
    kind: 'offline',
    listen: noListening,
    poolCounts: noPool,
    ping: pingOver(db),
    close: () => db.destroy(),
  };
}

/** One factory for both modes: PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise. */
export function openDatabase(config: Config, logger?: Logger): Promise<Database> {
  return config.db.url
    ? Promise.resolve(openPostgresDatabase(config.db.url, config.db, undefined, logger))
    : openEmbeddedDatabase(config.db.dataDir);
}
