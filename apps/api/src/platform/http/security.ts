import cors from '@fastify/cors';
import rateLimit, { type RateLimitPluginOptions } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { AppError } from './errors.ts';

type Options = {
  http: Config['http'];
  /** Where rate-limit counters live: in this process unless a shared store is given. */
  rateLimitStore?: RateLimitPluginOptions['store'];
};

/** CORS with explicit origins, and rate limits. */
export const security = fp(
  async (app: FastifyInstance, { http, rateLimitStore }: Options) => {
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
      ...(rateLimitStore ? { store: rateLimitStore } : {}),
      allowList: (request) => request.url === '/health' || request.url === '/ready',
      errorResponseBuilder: (_request, context) =>
        new AppError('RATE_LIMITED', {
          detail: `Rate limit exceeded, retry in ${Math.ceil(context.ttl / 1000)} seconds`,
          headers: { 'retry-after': String(Math.ceil(context.ttl / 1000)) },
        }),
    });
  },
  { name: 'security' },
);
