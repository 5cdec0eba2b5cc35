import { randomInt } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../app.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { captureLogs } from '../../test/app.ts';
import { createMigratedTestDatabase } from '../../test/database.ts';
import { createTask, createWorkspace, newUser } from '../../test/workspaces.ts';
import type { Database } from '../db/database.ts';
import { createLogger } from '../logger.ts';
import { openRedis, settled } from './redis-client.ts';

/**
 * Cluster mode with Redis: two API instances on one database and one Redis share their cache and
 * their rate-limit counters. Runs where Redis is (`npm run test:pg` sets TEST_REDIS_URL).
 */
const redisUrl = process.env.TEST_REDIS_URL;

describe.runIf(redisUrl)('two instances sharing Redis', () => {
  let database: Database;
  const redis: Redis[] = [];
  let a: App;
  let b: App;

  async function instance(env: Record<string, string>) {
    const client = openRedis(redisUrl ?? '');
    expect(await settled(client, 5_000)).toBe(true);
    redis.push(client);
    const config = loadConfig({ NODE_ENV: 'test', WEB_DIST_DIR: '/nonexistent', ...env });
    const logger = createLogger('warn', captureLogs().stream);
    return buildApp(config, { database, logger, redis: client });
  }

  beforeAll(async () => {
    database = await createMigratedTestDatabase();
    a = await instance({ RATE_LIMIT_MAX: '5' });
    b = await instance({ RATE_LIMIT_MAX: '5' });
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    for (const client of redis) await client.quit();
    await database?.close();
  });

  it('a write through one instance invalidates the stats the other one cached', async () => {
    const onA = await newUser(a, database, 'ada@example.com');
    const ws = (await createWorkspace(onA, 'Cluster')).id;
    const statsOnB = async () =>
      (
        await b.inject({
          url: `/api/v1/workspaces/${ws}/stats`,
          headers: { authorization: `Bearer ${onA.accessToken}` },
          remoteAddress: '10.0.0.1',
        })
      ).json().total;
    expect(await statsOnB()).toBe(0);
    await createTask(onA, ws, { title: 'Through A' });
    expect(await statsOnB()).toBe(1);
  });

  it('rate-limit counters are shared: the limit holds across instances', async () => {
    // A client address of its own, so counters of earlier runs within the window do not count.
    const remoteAddress = `10.${randomInt(1, 255)}.${randomInt(1, 255)}.${randomInt(1, 255)}`;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const app = i % 2 ? b : a;
      statuses.push((await app.inject({ url: '/api/v1/meta', remoteAddress })).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('readiness reports Redis', async () => {
    const res = await a.inject({ url: '/ready' });
    expect(res.json().checks.redis).toEqual({ status: 'ok' });
  });
});
