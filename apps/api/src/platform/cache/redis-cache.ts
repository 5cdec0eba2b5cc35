import { Redis } from 'ioredis';
import type { SharedCache } from './shared-cache.ts';

/** The shared cache on Redis (cluster mode): every API instance reads and invalidates the same keys. */
export function createRedisCache(redis: Redis, prefix = 'taskflow:'): SharedCache {
  return {
    get: async (key) => (await redis.get(prefix + key)) ?? undefined,
    set: async (key, value, ttlMs) => {
      await redis.set(prefix + key, value, 'PX', ttlMs);
    },
    increment: (key) => redis.incr(prefix + key),
    counter: async (key) => Number((await redis.get(prefix + key)) ?? 0),
  };
}

/**
 * Connects to Redis, failing fast: at start if it cannot be reached, and later per command
 * (no offline queue), so an outage slows nothing down — callers fall back or report it.
 */
export async function openRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 5_000,
  });
  await redis.connect();
  return redis;
}
