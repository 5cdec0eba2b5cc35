import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { DetailedHealth, Meta, Readiness, RuntimeMode } from '@taskflow/contract';
import type { Redis } from 'ioredis';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { PoolCounts } from '../../platform/db/database.ts';
import { isCurrent, migrationStatus } from '../../platform/db/migrator.ts';

/** What the job system tells the health checks. */
export type JobsHealth = {
  started(): boolean;
  /** Jobs waiting, running and failed, across queues. */
  counts(): Promise<{ queued: number; active: number; failed: number }>;
  workers(): number;
};

type Deps = {
  db: Kysely<DB>;
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

export function createSystemService(deps: Deps) {
  const { db, redis, jobs, version, mode, now = () => new Date() } = deps;
  const startedAt = Date.now();
  const loopDelay = monitorEventLoopDelay({ resolution: 20 });
  loopDelay.enable();

  async function readiness(): Promise<Readiness> {
    const checks: Readiness['checks'] = {
      database: { status: 'ok' },
      migrations: { status: 'ok' },
    };
    try {
      await sql`select 1`.execute(db);
      const status = await migrationStatus(db);
      if (!isCurrent(status)) {
        const pending = status.filter((m) => !m.executedAt).map((m) => m.name);
        checks.migrations = { status: 'fail', detail: `pending: ${pending.join(', ')}` };
      }
    } catch {
      checks.database = { status: 'fail', detail: 'database unreachable' };
      checks.migrations = { status: 'fail', detail: 'unknown while the database is unreachable' };
    }
    if (jobs) {
      checks.jobs = jobs.started()
        ? { status: 'ok' }
        : { status: 'fail', detail: 'the job system has not started' };
    }
    if (redis) {
      checks.redis = await redis.ping().then(
        () => ({ status: 'ok' as const }),
        () => ({ status: 'fail' as const, detail: 'Redis unreachable' }),
      );
    }
    const ok = Object.values(checks).every((c) => c.status === 'ok');
    return { status: ok ? 'ok' : 'fail', checks };
  }

  async function databaseLatency(): Promise<number | null> {
    const start = performance.now();
    try {
      await sql`select 1`.execute(db);
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
