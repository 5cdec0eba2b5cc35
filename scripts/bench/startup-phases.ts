/**
 * Where a start's time goes: the steps of `taskflow serve` (apps/api/src/cli/commands/serve.ts),
 * called in the same order from the same modules, each timed in this one process:
 *   node scripts/bench/startup-phases.ts     (the environment of the start to time, PORT included)
 * prints one line `startup-phases {json}` (milliseconds per phase), closes everything and exits.
 * Every import is dynamic, so that loading the code is a phase of its own.
 */
import type { Redis } from 'ioredis';

export const PHASES_MARK = 'startup-phases ';

export type Phases = {
  /** Node's own start, until this script runs. */
  boot: number;
  /** Importing the CLI (every module `serve` loads). */
  code: number;
  /** Reading the environment, the logger. */
  config: number;
  /** Opening the database (PGlite: starting it on its data directory). */
  database: number;
  /** Waiting for Redis to connect (cluster mode with REDIS_URL). */
  redis: number;
  /** Applying pending migrations (embedded mode). */
  migrations: number;
  /** The demo workspace (embedded mode: created on an empty database, else looked up). */
  seed: number;
  /** `buildApp`: every plugin and route registered, response serializers compiled. */
  build: number;
  /** `app.ready()`: the onReady hooks (the job system starting, the first readiness reading). */
  ready: number;
  /** `app.listen()`. */
  listen: number;
};

const boot = performance.now();
let mark = boot;
const lap = () => {
  const now = performance.now();
  const ms = now - mark;
  mark = now;
  return ms;
};

async function main(): Promise<Phases> {
  await import('../../apps/api/src/cli/program.ts');
  const code = lap();
  const { assertServable, loadConfig } = await import('../../apps/api/src/config.ts');
  const { createLogger } = await import('../../apps/api/src/platform/logger.ts');
  const { openDatabase } = await import('../../apps/api/src/platform/db/database.ts');
  const { openRedis, settled } = await import('../../apps/api/src/platform/cache/redis-cache.ts');
  const { migrateUp } = await import('../../apps/api/src/platform/db/migrator.ts');
  const { seedDemo } = await import('../../apps/api/src/modules/demo/demo-seed.ts');
  const { createPasswordService } = await import('../../apps/api/src/modules/auth/password.ts');
  const { buildApp } = await import('../../apps/api/src/app.ts');
  lap(); // modules already loaded with the CLI: nothing to count

  const config = loadConfig(process.env);
  assertServable(config);
  const logger = createLogger(config.log.level);
  const phases: Phases = {
    boot,
    code,
    config: lap(),
    database: 0,
    redis: 0,
    migrations: 0,
    seed: 0,
    build: 0,
    ready: 0,
    listen: 0,
  };
  const database = await openDatabase(config, logger);
  phases.database = lap();
  let redis: Redis | undefined;
  try {
    if (config.redis.url) {
      redis = openRedis(config.redis.url, logger);
      // As serve: at most 2 s, then on without it (the phase then shows the wait).
      await settled(redis, 2_000);
    }
    phases.redis = lap();
    if (config.mode === 'embedded') await migrateUp(database.db);
    phases.migrations = lap();
    if (config.demoSeed) await seedDemo(database.db, createPasswordService().hash);
    phases.seed = lap();
    const app = await buildApp(config, { database, logger, ...(redis ? { redis } : {}) });
    phases.build = lap();
    try {
      await app.ready();
      phases.ready = lap();
      await app.listen({ host: config.http.host, port: config.http.port });
      phases.listen = lap();
    } finally {
      await app.close();
    }
  } finally {
    await redis?.quit().catch(() => redis?.disconnect());
    await database.close();
  }
  return phases;
}

if (import.meta.main) {
  const phases = await main();
  process.stdout.write(`${PHASES_MARK}${JSON.stringify(phases)}\n`);
  process.exit(0);
}
