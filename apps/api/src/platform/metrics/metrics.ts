import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../http/errors.ts';
import { holdsToken } from './metrics-server.ts';
import { httpDuration, httpRequests, registry } from './registry.ts';

/**
 * Request metrics for every route, and `GET /metrics` in the Prometheus text format for whoever
 * holds `METRICS_TOKEN` (as a bearer token). Without a configured token nobody can read it: the
 * figures say too much about the system to be public.
 */
export const metrics = fp(
  async (app: FastifyInstance, { token }: { token: string | undefined }) => {
    app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
      const labels = {
        // The route's pattern, never the URL: ids in paths would make a series per object.
        route: request.routeOptions.url ?? 'unmatched',
        method: request.method,
        status: String(reply.statusCode),
      };
      httpRequests.inc(labels);
      httpDuration.observe(labels, reply.elapsedTime / 1000);
    });

    app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
      if (!holdsToken(request.headers.authorization, token)) {
        throw new AppError('UNAUTHENTICATED', { headers: { 'www-authenticate': 'Bearer' } });
      }
      return reply
        .header('content-type', registry.contentType)
        .header('cache-control', 'no-store')
        .send(await registry.metrics());
    });
  },
  { name: 'metrics' },
);
