import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** Redis reports a broken connection on every reconnection attempt: one log line per this. */
const ERROR_LOG_INTERVAL_MS = 10_000;

/**
 * A Redis client that never blocks TaskFlow: it connects in the background and reconnects
 * forever with backoff; meanwhile every command fails at once (no offline queue), and callers
 * fall back (per-process rate limits, the database instead of the cache). Errors go to the JSON
 * log, at most one line per 10 s, and recovery is logged.
 */
export function openRedis(url: string, logger?: Logger): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  let lastLogged = 0;
  let down = false;
  redis.on('error', (error: Error) => {
    down = true;
    if (Date.now() - lastLogged < ERROR_LOG_INTERVAL_MS) return;
    lastLogged = Date.now();
    logger?.warn({ err: error }, 'Redis unreachable: using per-process fallbacks');
  });
  redis.on('ready', () => {
    if (down) logger?.info('Redis reachable again');
    down = false;
  });
  redis.connect().catch(() => undefined);
  return redis;
}

/** Resolves once Redis is connected, or after `ms` regardless: TaskFlow starts without it. */
export function settled(redis: Redis, ms: number): Promise<boolean> {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      resolve(false);
    }, ms);
    const onReady = () => {
      clearTimeout(timer);
      resolve(true);
    };
    redis.once('ready', onReady);
  });
}
