import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll } from 'vitest';
import { type App, buildApp, createMailer } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createJobSystem } from '../job-system.ts';
import type { Database, QueryLog } from '../platform/db/database.ts';
import { createLogger } from '../platform/logger.ts';
import { createMigratedTestDatabase } from './database.ts';
import { readyLater } from './ready-later.ts';

/** Collects every log line the app writes, parsed. */
export function captureLogs() {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line));
      }
      done();
    },
  });
  return { lines, raw, stream };
}

/**
 * Rate limits far above what any test sends, so that a file's requests are never refused for
 * their number. The tests of a limit ask for the real ones (`limits: 'real'`) and set their own.
 */
const highLimits = {
  RATE_LIMIT_MAX: '1000000',
  AUTH_IP_RATE_LIMIT: '100000',
  AUTH_ACCOUNT_RATE_LIMIT: '10000',
  ADD_MEMBER_RATE_LIMIT: '100000',
  ACCESS_TOKEN_RATE_LIMIT: '1000000',
  ACCESS_TOKEN_CREATE_RATE_LIMIT: '100000',
};

export type TestAppOptions = {
  /** Kysely's hook on every statement of the file's database (`useTestApp`). */
  log?: QueryLog;
  /** `high` (the default): limits no test reaches; `real`: the configuration's own. */
  limits?: 'high' | 'real';
  logs?: ReturnType<typeof captureLogs>;
};

/** The real app, as `serve` builds it, over a test database; env entries override defaults. */
export async function buildTestApp(
  database: Database,
  env: Record<string, string> = {},
  { limits = 'high', logs = captureLogs() }: TestAppOptions = {},
) {
  const config = loadConfig({
    NODE_ENV: 'test',
    WEB_DIST_DIR: '/nonexistent',
    // Attachments of this app only, in a directory removed with it (`useTestApp`).
    FILES_DIR: await mkdtemp(path.join(os.tmpdir(), 'taskflow-files-')),
    // A busy test machine lags; the load-shedding tests turn it on.
    SHED_LAG_MS: '0',
    ...(limits === 'high' ? highLimits : {}),
    ...env,
  });
  const logger = createLogger('debug', logs.stream);
  const mailer = createMailer(config, { database, logger });
  const jobs = createJobSystem(
    { database, mailer, logger, config },
    { migrate: true, supervise: config.jobs.inProcess },
  );
  const app = await buildApp(config, { database, logger, mailer, jobs });
  return { app, logs, config, jobs };
}

export type TestApp = Awaited<ReturnType<typeof buildTestApp>> & { database: Database };

/**
 * A migrated test database and the app over it for the test file that calls this (at top level),
 * closed after its tests. Its fields can be read in tests and in the `beforeAll` hooks declared
 * after this call; read earlier, they throw.
 */
export function useTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}) {
  const ctx = readyLater<TestApp>('the test app');
  beforeAll(async () => {
    const database = await createMigratedTestDatabase(options.log);
    try {
      ctx.ready({ database, ...(await buildTestApp(database, env, options)) });
    } catch (error) {
      await database.close();
      throw error;
    }
  });
  afterAll(async () => {
    await ctx.current?.app.close();
    await ctx.current?.database.close();
    if (ctx.current) await rm(ctx.current.config.files.dir, { recursive: true, force: true });
  });
  return ctx.value;
}

/** Listens on a free local port (for what `inject` cannot do, such as streams): its base URL. */
export async function listenLocally(app: App) {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  return `http://127.0.0.1:${address.port}`;
}
