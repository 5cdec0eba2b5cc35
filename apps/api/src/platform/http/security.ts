import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { AppError } from './errors.ts';

type Options = { http: Config['http'] };

/** Security headers, CORS with explicit origins, and rate limits. */
export const security = fp(
  async (app: FastifyInstance, { http }: Options) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          baseUri: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          ...(http.https ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      hsts: http.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      crossOriginEmbedderPolicy: false,
    });

    await app.register(cors, {
      origin: http.corsOrigins.length > 0 ? http.corsOrigins : false,
      credentials: true,
      exposedHeaders: ['x-request-id', 'retry-after', 'etag'],
      maxAge: 600,
    });

    await app.register(rateLimit, {
      global: true,
      max: http.rateLimit.max,
      timeWindow: http.rateLimit.windowMs,
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
