import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import type { Config } from '../../config.ts';
import { AppError } from './errors.ts';
import { rateLimitStore } from './rate-limit-store.ts';

/** The 429 every limiter answers with: problem+json and the seconds to wait. */
function rateLimited(ttlMs: number) {
  const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
  return new AppError('RATE_LIMITED', {
    detail: `Rate limit exceeded, retry in ${seconds} seconds`,
    headers: { 'retry-after': String(seconds) },
  });
}

/**
 * A second limit on some routes, counted per `key` (a caller, an account) in the app's store:
 * a pre-handler that answers 429 past `max` requests per `windowMs`.
 */
export function keyedLimit(
  instance: FastifyInstance,
  limit: { max: number; windowMs: number },
  key: (request: FastifyRequest) => string,
) {
  const limiter = instance.createRateLimit({
    max: limit.max,
    timeWindow: limit.windowMs,
    keyGenerator: key,
  });
  return async (request: FastifyRequest) => {
    const result = await limiter(request);
    if (!result.isAllowed && result.isExceeded) throw rateLimited(result.ttl);
  };
}

type Options = {
  http: Config['http'];
  /** Where rate-limit counters live: Redis, shared by every instance, or this process. */
  redis?: Redis | undefined;
  /** Prefix of every Redis key TaskFlow writes (`REDIS_KEY_PREFIX`). */
  redisPrefix: string;
};

/** CORS with explicit origins, and rate limits. */
export const security = fp(
  async (app: FastifyInstance, { http, redis, redisPrefix }: Options) => {
    // Same-origin by default (the API serves the web app): no CORS hook at all unless origins
    // are configured.
    if (http.corsOrigins.length > 0) {
      await app.register(cors, {
        origin: http.corsOrigins,
        credentials: true,
        exposedHeaders: ['x-request-id', 'retry-after', 'etag'],
        maxAge: 600,
      });
    }

    await app.register(rateLimit, {
      global: true,
      max: http.rateLimit.max,
      timeWindow: http.rateLimit.windowMs,
      // Shared in Redis; per process while Redis is away (limits are never off).
      store: rateLimitStore(redis, redisPrefix),
      // The API is what can be abused; the web app's files, probes and docs are not limited
      // (one open board loads dozens of assets, which would eat a user's API allowance).
      allowList: (request) => !request.url.startsWith('/api/v1/'),
      errorResponseBuilder: (_request, context) => rateLimited(context.ttl),
    });
  },
  { name: 'security' },
);
