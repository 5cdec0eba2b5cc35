/**
 * `npm run test:pg`: the API's integration suite, and the deployment checks (the image's command
 * replayed), against PostgreSQL and Redis. Each test file
 * creates its own database on the server at TEST_DATABASE_URL and drops it afterwards; the
 * cluster tests use the Redis at TEST_REDIS_URL.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
try {
  await client.connect();
  const { rows } = await client.query<{ v: string }>(
    "select current_setting('server_version') as v",
  );
  console.log(`test:pg on PostgreSQL ${rows[0]?.v} (${new URL(url).host})`);
} catch (error) {
  console.error(
    `test:pg: cannot reach PostgreSQL at TEST_DATABASE_URL (${(error as Error).message})`,
  );
  process.exit(1);
} finally {
  await client.end().catch(() => undefined);
}

const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0 });
try {
  await redis.connect();
  console.log(
    `test:pg with Redis ${(await redis.info('server')).match(/redis_version:(\S+)/)?.[1]}`,
  );
} catch (error) {
  console.error(`test:pg: cannot reach Redis at TEST_REDIS_URL (${(error as Error).message})`);
  process.exit(1);
} finally {
  redis.disconnect();
}

const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
const run = spawnSync(
  process.execPath,
  [
    vitest,
    'run',
    '--project',
    'api',
    // The metrics files (the fuzz files are excluded below).
    '--project',
    'api-isolated',
    // The image replay starts the container's command against PostgreSQL here.
    '--project',
    'deploy',
    // `*.embedded.test.ts` never read TEST_DATABASE_URL: they run `taskflow` processes on embedded
    // data directories, or need no database. `npm test` runs them; here they would only run again.
    '--exclude',
    '**/*.embedded.test.ts',
    // The schema-driven fuzz holds the HTTP boundary to the document (validation, status codes,
    // problem bodies): it runs in `npm test`, where PGlite is the same PostgreSQL engine. Here it
    // would spend a fifth of the run asking PostgreSQL 15 what PGlite's PostgreSQL already
    // answered; the behaviours that differ between the two (locks, concurrency, listen/notify,
    // Redis) are the integration tests' own, and all of those run here.
    '--exclude',
    '**/*.fuzz.test.ts',
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TEST_DATABASE_URL: url, TEST_REDIS_URL: redisUrl },
  },
);
process.exit(run.status ?? 1);
