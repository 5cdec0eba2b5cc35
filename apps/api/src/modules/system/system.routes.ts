import { Health, Meta, ProblemDetails, Readiness } from '@taskflow/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withProblems } from '../../platform/http/responses.ts';
import type { SystemService } from './system.service.ts';

export async function systemRoutes(instance: FastifyInstance, opts: { service: SystemService }) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const { service } = opts;

  app.get(
    '/health',
    {
      schema: {
        summary: 'Liveness: the process is up and serving',
        tags: ['system'],
        security: [],
        response: { 200: Health, 500: ProblemDetails },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/ready',
    {
      schema: {
        summary: 'Readiness: database reachable and migrations applied',
        description: 'Answers 503 with the failing check while the server cannot serve traffic.',
        tags: ['system'],
        security: [],
        response: { 200: Readiness, 503: Readiness, 500: ProblemDetails },
      },
    },
    async (_request, reply) => {
      const readiness = await service.readiness();
      return reply.status(readiness.status === 'ok' ? 200 : 503).send(readiness);
    },
  );

  app.get(
    '/api/v1/meta',
    {
      schema: {
        operationId: 'getMeta',
        summary: 'Server identity: name, version, mode and time',
        tags: ['system'],
        security: [],
        response: withProblems({ 200: Meta }),
      },
    },
    async () => service.meta(),
  );
}
