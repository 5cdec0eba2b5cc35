import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { captureLogs } from '../../test/app.ts';
import { createMigratedTestDatabase } from '../../test/database.ts';
import { createTask, createWorkspace, newUser } from '../../test/workspaces.ts';
import type { Database } from '../db/database.ts';
import { createLogger } from '../logger.ts';
import { openRedis } from './redis-client.ts';

/**
 * Redis is an accelerator: an instance whose Redis cannot be reached (nothing listens on port 1)
 * starts, stays ready, serves from the database, and still enforces every rate limit with
 * per-process counters.
 */
describe('an instance whose Redis is down', () => {
  let database: Database;
  let redis: Redis;
  let app: App;
  const logs = captureLogs();

  beforeAll(async () => {
    database = await createMigratedTestDatabase();
    redis = openRedis('redis://127.0.0.1:1', createLogger('warn', logs.stream));
    const config = loadConfig({
      NODE_ENV: 'test',
      WEB_DIST_DIR: '/nonexistent',
      RATE_LIMIT_MAX: '1000',
      AUTH_IP_RATE_LIMIT: '3',
    });
    app = await buildApp(config, {
      database,
      logger: createLogger('warn', logs.stream),
      redis,
    });
  });
  afterAll(async () => {
    await app?.close();
    redis?.disconnect();
    await database?.close();
  });

  it('is ready, and says Redis is degraded', async () => {
    const res = await app.inject({ url: '/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', degraded: ['redis'] });
    expect(res.json().checks.redis.status).toBe('fail');
  });

  it('serves cached reads from the database', async () => {
    const user = await newUser(app, database, 'cacheless@example.com');
    const ws = (await createWorkspace(user, 'No cache')).id;
    await createTask(user, ws, { title: 'Counted' });
    const stats = await user.get(`/api/v1/workspaces/${ws}/stats`);
    expect(stats.statusCode).toBe(200);
    expect(stats.json().total).toBe(1);
  });

  it('still refuses a brute force with 429 (per-process counters, never off)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: 'nobody@example.com', password: `wrong guess ${i}` },
        remoteAddress: '203.0.113.7',
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('logs Redis errors as JSON lines, not plain text', () => {
    expect(logs.lines.some((l) => String(l.msg).includes('Redis unreachable'))).toBe(true);
  });
});
