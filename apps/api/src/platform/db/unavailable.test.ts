import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { App } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { buildTestApp } from '../../test/app.ts';
import { createPostgresTestDatabase, testDatabaseUrl } from '../../test/database.ts';
import { type Database, openPostgresDatabase } from './database.ts';
import { isDatabaseUnavailable, PoolBusyError } from './unavailable.ts';

describe('isDatabaseUnavailable', () => {
  it('knows overload and restarts from bugs', () => {
    const coded = (code: string) => Object.assign(new Error('x'), { code });
    expect(isDatabaseUnavailable(new PoolBusyError(3))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(coded('57P01'))).toBe(true); // admin shutdown
    expect(isDatabaseUnavailable(coded('08006'))).toBe(true); // connection failure
    expect(isDatabaseUnavailable(coded('ECONNREFUSED'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: coded('53300') }))).toBe(true);
    expect(isDatabaseUnavailable(coded('23505'))).toBe(false); // unique violation: a bug or a 409
    expect(isDatabaseUnavailable(coded('42703'))).toBe(false); // undefined column: a bug
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
  });
});

/**
 * The app over a PostgreSQL database of its own with these pool settings, and one extra route
 * that reads the database (`GET /test/read`, running `statement`); closed after the file's tests.
 */
function usePostgresApp(env: Record<string, string>, statement: RawBuilder<unknown>) {
  const ctx = {} as { app: App; database: Database; name: string; drop: () => Promise<void> };
  beforeAll(async () => {
    const template = inject('testTemplate');
    const made = await createPostgresTestDatabase(
      testDatabaseUrl ?? '',
      template.kind === 'postgres' ? template.database : undefined,
    );
    ctx.drop = made.drop;
    ctx.name = new URL(made.url).pathname.slice(1);
    ctx.database = openPostgresDatabase(made.url, loadConfig(env).db);
    ctx.app = (await buildTestApp(ctx.database)).app;
    ctx.app.get('/test/read', async () => {
      await statement.execute(ctx.database.db);
      return { read: true };
    });
    await ctx.app.ready();
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.database?.close();
    await ctx.drop?.();
  });
  return ctx;
}

/**
 * A saturated pool (PostgreSQL, `npm run test:pg`): requests past the bounded wait get 503 with
 * Retry-After, never 500, and /ready still answers within a second over its own connection.
 */
describe.runIf(testDatabaseUrl)('a saturated connection pool', () => {
  const ctx = usePostgresApp(
    { DB_POOL_MAX: '2', DB_POOL_MAX_WAITING: '2', DB_CONNECTION_TIMEOUT_MS: '300' },
    sql`select pg_sleep(1)`,
  );

  it('answers 200 or 503 with Retry-After, never 500, and stays ready', async () => {
    const { app } = ctx;
    const slow = Array.from({ length: 12 }, () => app.inject({ url: '/test/read' }));
    const started = performance.now();
    const ready = await app.inject({ url: '/ready' });
    const readyMs = performance.now() - started;
    const answers = await Promise.all(slow);
    expect(ready.json()).toMatchObject({ status: 'ok' });
    expect(ready.statusCode).toBe(200);
    expect(readyMs).toBeLessThan(1_000);
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(statuses).toContain(200);
    const refused = answers.filter((a) => a.statusCode === 503);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) {
      expect(answer.headers['retry-after']).toBe('2');
      expect(answer.headers['content-type']).toContain('application/problem+json');
      expect(answer.json().code).toBe('SERVICE_UNAVAILABLE');
    }
  });
});

/**
 * PostgreSQL going away under the pool (`npm run test:pg`): every connection of the database is
 * terminated, as a restart does. Requests meanwhile get 2xx or 503 with Retry-After, never 500,
 * and the process recovers by itself: pool, LISTEN connection and readiness probe reconnect.
 */
describe.runIf(testDatabaseUrl)('a PostgreSQL restart', () => {
  const ctx = usePostgresApp({}, sql`select count(*) from users`);

  it('answers 2xx or 503 while connections drop, then serves again without a restart', async () => {
    const { app, name } = ctx;
    const admin = openPostgresDatabase(testDatabaseUrl ?? '', loadConfig({}).db);
    try {
      const statuses: number[] = [];
      for (let round = 0; round < 3; round++) {
        await sql`select pg_terminate_backend(pid) from pg_stat_activity
          where datname = ${name} and pid <> pg_backend_pid()`.execute(admin.db);
        const answers = await Promise.all(
          Array.from({ length: 10 }, () => app.inject({ url: '/test/read' })),
        );
        const ready = await app.inject({ url: '/ready' });
        statuses.push(...answers.map((a) => a.statusCode), ready.statusCode);
        for (const answer of [...answers, ready].filter((a) => a.statusCode === 503)) {
          if (answer.json().code) expect(answer.headers['retry-after']).toBe('2');
        }
      }
      expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
      await vi.waitFor(
        async () => {
          expect((await app.inject({ url: '/ready' })).statusCode).toBe(200);
          expect((await app.inject({ url: '/test/read' })).statusCode).toBe(200);
        },
        { timeout: 15_000, interval: 200 },
      );
    } finally {
      await admin.close();
    }
  });
});
