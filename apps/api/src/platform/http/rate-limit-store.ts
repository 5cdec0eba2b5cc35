import { createRequire } from 'node:module';
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import type { Redis } from 'ioredis';

type Counted = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Counted) => void;
type RouteParams = { routeInfo?: { method?: string; url?: string } };

// Fixed window, the same in both stores: the first request of a window sets its expiry.
const incrementScript = `
  local current = redis.call('INCR', KEYS[1])
  if current == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl < 0 then
    redis.call('PEXPIRE', KEYS[1], ARGV[1])
    ttl = tonumber(ARGV[1])
  end
  return {current, ttl}
`;

/** Per-process windows: the plugin's own local store, kept for when Redis cannot answer. */
const LOCAL_MAX_KEYS = 50_000;
const LocalStore = createRequire(import.meta.url)(
  '@fastify/rate-limit/store/LocalStore.js',
) as new (
  continueExceeding: boolean,
  exponentialBackoff: boolean,
  cache: number,
) => {
  incr(key: string, callback: Callback, windowMs: number, max: number): void;
  read(key: string, callback: Callback, windowMs: number, max: number): void;
};

type Shared = {
  redis: Redis | undefined;
  prefix: string;
  local: InstanceType<typeof LocalStore>;
};

/**
 * The rate-limit store for `@fastify/rate-limit`: counters in Redis, shared by every instance,
 * and in this process whenever Redis cannot answer (never "no limit"). Back on Redis as soon as
 * it answers again. Keys are `<prefix>rate-limit:<route>:<client key>`.
 */
export function rateLimitStore(redis: Redis | undefined, prefix: string) {
  const shared: Shared = { redis, prefix, local: new LocalStore(false, false, LOCAL_MAX_KEYS) };
  if (redis && !('taskflowRateLimit' in redis)) {
    redis.defineCommand('taskflowRateLimit', { numberOfKeys: 1, lua: incrementScript });
  }
  return class RateLimitStore {
    private readonly scope: string;
    constructor(_params?: unknown, scope = 'global') {
      this.scope = scope;
    }

    incr(key: string, callback: Callback, windowMs: number, max: number) {
      const full = `${shared.prefix}rate-limit:${this.scope}:${key}`;
      const fallback = () => shared.local.incr(full, callback, windowMs, max);
      const client = shared.redis as (Redis & { taskflowRateLimit?: RedisCommand }) | undefined;
      if (!client?.taskflowRateLimit || client.status !== 'ready') return fallback();
      client
        .taskflowRateLimit(full, windowMs)
        .then(([current, ttl]) => callback(null, { current, ttl }), fallback);
    }

    /** A peek without counting (`{ increment: false }`): TaskFlow's limiters never peek. */
    read(key: string, callback: Callback, windowMs: number, max: number) {
      shared.local.read(`${shared.prefix}rate-limit:${this.scope}:${key}`, callback, windowMs, max);
    }

    // The plugin passes the route's merged limit options, its route under `routeInfo`.
    child(params: Parameters<FastifyRateLimitStore['child']>[0]) {
      const { method, url } = (params as unknown as RouteParams).routeInfo ?? {};
      // Limiters made with createRateLimit have no route: their key generators tell them apart.
      return new RateLimitStore(undefined, method && url ? `${method} ${url}` : 'limiter');
    }
  };
}

type RedisCommand = (key: string, windowMs: number) => Promise<[number, number]>;
