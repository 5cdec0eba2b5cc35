import type { Redis } from 'ioredis';
import type { SharedCache } from './shared-cache.ts';

/** The shared cache on Redis (cluster mode): every API instance reads and invalidates the same keys. */
export function createRedisCache(redis: Redis, prefix = 'taskflow:'): SharedCache {
  return {
    get: async (key) => (await redis.get(prefix + key)) ?? undefined,
    set: async (key, value, ttlMs) => {
      await redis.set(prefix + key, value, 'PX', ttlMs);
    },
    increment: async (key, ttlMs) => {
      const [[incrError, value] = [], [expireError] = []] =
        (await redis
          .multi()
          .incr(prefix + key)
          .pexpire(prefix + key, ttlMs)
          .exec()) ?? [];
      if (incrError || expireError) throw incrError ?? expireError;
      return Number(value);
    },
    counter: async (key) => Number((await redis.get(prefix + key)) ?? 0),
  };
}
