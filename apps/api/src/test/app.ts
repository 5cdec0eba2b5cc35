import { Writable } from 'node:stream';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, createMailer } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createJobSystem } from '../job-system.ts';
import type { Database } from '../platform/db/database.ts';
import { createLogger } from '../platform/logger.ts';
import { createMigratedTestDatabase } from './database.ts';

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

/** The real app, as `serve` builds it, over a test database; env entries override defaults. */
export async function buildTestApp(
  database: Database,
  env: Record<string, string> = {},
  logs = captureLogs(),
) {
  const config = loadConfig({
    NODE_ENV: 'test',
    WEB_DIST_DIR: '/nonexistent',
    // A busy test machine lags; the load-shedding tests turn it on.
    SHED_LAG_MS: '0',
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

/**
 * A migrated test database and the app over it for the test file that calls this (at top level),
 * closed after its tests. Later `beforeAll` hooks of the file see it ready.
 */
export function useTestApp(env: Record<string, string> = {}) {
  const ctx = {} as Awaited<ReturnType<typeof buildTestApp>> & { database: Database };
  beforeAll(async () => {
    ctx.database = await createMigratedTestDatabase();
    Object.assign(ctx, await buildTestApp(ctx.database, env));
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.database?.close();
  });
  return ctx;
}
