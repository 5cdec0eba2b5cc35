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
    // The series of each route, method and status, looked up once: labels are hashed per call.
    const series = new Map<string, { count: () => void; time: (seconds: number) => void }>();
    const seriesOf = (route: string, method: string, status: number) => {
      const key = `${method} ${status} ${route}`;
      let found = series.get(key);
      if (!found) {
        const labels = { route, method, status: String(status) };
        const counter = httpRequests.labels(labels);
        const histogram = httpDuration.labels(labels);
        found = { count: () => counter.inc(), time: (seconds) => histogram.observe(seconds) };
        series.set(key, found);
      }
      return found;
    };
    app.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done) => {
      // The route's pattern, never the URL: ids in paths would make a series per object.
      const route = request.routeOptions.url ?? 'unmatched';
      const one = seriesOf(route, request.method, reply.statusCode);
      one.count();
      one.time(reply.elapsedTime / 1000);
      done();
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
