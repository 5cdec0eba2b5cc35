import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { DetailedHealth, Meta, Readiness, RuntimeMode } from '@taskflow/contract';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { PoolCounts } from '../../platform/db/database.ts';
import { isCurrent, migrationStatus } from '../../platform/db/migrator.ts';
import { createSystemRepository } from './system.repository.ts';

/** What the job system tells the health checks. */
type JobsHealth = {
  started(): boolean;
  /** Jobs waiting, running and failed, across queues. */
  counts(): Promise<{ queued: number; active: number; failed: number }>;
  workers(): number;
};

type Deps = {
  db: Kysely<DB>;
  /** `select 1` that does not queue behind the request pool (`Database.ping`). */
  ping: () => Promise<void>;
  /** True once the instance has begun to shut down. */
  draining?: () => boolean;
  databaseKind: DetailedHealth['database']['kind'];
  poolCounts: () => PoolCounts | null;
  redis?: Redis | undefined;
  jobs?: JobsHealth | undefined;
  openStreams?: () => number;
  version: string;
  mode: RuntimeMode;
  now?: () => Date;
};

export type SystemService = ReturnType<typeof createSystemService>;

/** Each readiness check answers within this, or counts as failed. */
const CHECK_TIMEOUT_MS = 1_000;
/**
 * How old the reading of the migrations may be on PostgreSQL, where another process may migrate
 * (read again in the background past it).
 */
const MIGRATIONS_RECHECK_MS = 30_000;

type CheckResult = Readiness['checks']['database'];

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createSystemService(deps: Deps) {
  const { db, ping, redis, jobs, version, mode, now = () => new Date() } = deps;
  const startedAt = Date.now();
  const loopDelay = monitorEventLoopDelay({ resolution: 20 });
  loopDelay.enable();

  /**
   * Whether the schema is current, as last read. Once it has been current, readiness answers
   * from the last reading and, on PostgreSQL, refreshes it in the background every
   * `MIGRATIONS_RECHECK_MS`, so that it never waits for a connection of a saturated pool.
   */
  let migrations: { check: CheckResult; at: number; reading?: Promise<void> } | undefined;

  /** The schema's state, or undefined when it could not be read in time (a busy pool). */
  async function readMigrations(): Promise<CheckResult | undefined> {
    try {
      const status = await withTimeout(migrationStatus(db), CHECK_TIMEOUT_MS);
      if (isCurrent(status)) return { status: 'ok' };
      const pending = status.filter((m) => !m.executedAt).map((m) => m.name);
      return { status: 'fail', detail: `pending: ${pending.join(', ')}` };
    } catch {
      return undefined;
    }
  }

  async function migrationsCheck(): Promise<CheckResult> {
    const last = migrations;
    if (last?.check.status === 'ok') {
      // Embedded mode: only this process, holding the data directory's lock, can migrate it.
      const recheck = deps.databaseKind === 'postgres';
      if (recheck && Date.now() - last.at > MIGRATIONS_RECHECK_MS && !last.reading) {
        // A reading that fails (the pool saturated) keeps the last one: the ping already says
        // whether the database answers.
        last.reading = readMigrations().then((check) => {
          migrations = { check: check ?? last.check, at: Date.now() };
        });
      }
      return last.check;
    }
    const check = (await readMigrations()) ?? {
      status: 'fail' as const,
      detail: 'could not be read in time',
    };
    migrations = { check, at: Date.now() };
    return check;
  }

  async function databaseChecks(): Promise<Pick<Readiness['checks'], 'database' | 'migrations'>> {
    try {
      // Over a connection of its own where there is a pool: answers while the pool is saturated.
      await withTimeout(ping(), CHECK_TIMEOUT_MS);
    } catch {
      return {
        database: { status: 'fail', detail: 'database unreachable' },
        migrations: { status: 'fail', detail: 'unknown while the database is unreachable' },
      };
    }
    return { database: { status: 'ok' }, migrations: await migrationsCheck() };
  }

  /**
   * Whether this instance should get traffic. Fast under load (every check is bounded), and
   * failing only for what stops it from serving: Redis is an accelerator, so its failure is
   * reported as `degraded`, not as unready.
   */
  async function readiness(): Promise<Readiness> {
    const checks: Readiness['checks'] = await databaseChecks();
    if (jobs) {
      checks.jobs = jobs.started()
        ? { status: 'ok' }
        : { status: 'fail', detail: 'the job system has not started' };
    }
    const degraded: string[] = [];
    if (redis) {
      checks.redis = await withTimeout(redis.ping(), CHECK_TIMEOUT_MS).then(
        () => ({ status: 'ok' as const }),
        () => ({
          status: 'fail' as const,
          detail: 'Redis unreachable: caches and rate limits use this process',
        }),
      );
      if (checks.redis.status === 'fail') degraded.push('redis');
    }
    if (deps.draining?.()) {
      checks.shutdown = { status: 'fail', detail: 'draining: this instance is shutting down' };
    }
    const ok = Object.entries(checks).every(
      ([name, c]) => c.status === 'ok' || degraded.includes(name),
    );
    return { status: ok ? 'ok' : 'fail', checks, ...(degraded.length > 0 ? { degraded } : {}) };
  }

  async function databaseLatency(): Promise<number | null> {
    const start = performance.now();
    try {
      await createSystemRepository(db).roundTrip();
      return Math.round((performance.now() - start) * 100) / 100;
    } catch {
      return null;
    }
  }

  return {
    meta(): Meta {
      return { name: 'TaskFlow', version, mode, serverTime: now().toISOString() };
    },

    readiness,

    /** Everything an operator looks at first: versions, checks, pools, queues, streams, memory. */
    async detailed(): Promise<DetailedHealth> {
      const [ready, latencyMs, jobCounts] = await Promise.all([
        readiness(),
        databaseLatency(),
        jobs?.started() ? jobs.counts().catch(() => null) : Promise.resolve(null),
      ]);
      const memory = process.memoryUsage();
      const lag = loopDelay.mean / 1e6;
      return {
        status: ready.status,
        version,
        mode,
        node: process.version,
        uptimeSeconds: Math.floor((Date.now() - startedAt) / 1000),
        checks: {
          database: ready.checks.database,
          migrations: ready.checks.migrations,
          jobs: ready.checks.jobs ?? { status: 'fail', detail: 'no job system' },
          ...(ready.checks.redis ? { redis: ready.checks.redis } : {}),
        },
        database: { kind: deps.databaseKind, latencyMs, pool: deps.poolCounts() },
        jobs: {
          queued: jobCounts?.queued ?? 0,
          active: jobCounts?.active ?? 0,
          failed: jobCounts?.failed ?? 0,
          workers: jobs?.workers() ?? 0,
        },
        streams: { open: deps.openStreams?.() ?? 0 },
        memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed },
        eventLoopLagMs: Number.isFinite(lag) ? Math.round(lag * 100) / 100 : 0,
      };
    },

    close() {
      loopDelay.disable();
    },
  };
}
