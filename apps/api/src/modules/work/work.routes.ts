import { MyWork, MyWorkQuery } from '@taskflow/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { bearer, routeSchemas } from '../../platform/http/responses.ts';
import { callerId, type Guards } from '../auth/index.ts';
import type { WorkService } from './work.service.ts';

type Options = { service: WorkService; guards: Guards };

const route = routeSchemas({ tags: ['account'], security: bearer, problems: [401] });

/** The signed-in user's work across their workspaces, under /api/v1/me. */
export async function workRoutes(instance: FastifyInstance, { service, guards }: Options) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  app.addHook('preHandler', guards.authenticated);

  app.get(
    '/api/v1/me/work',
    {
      schema: route({
        operationId: 'getMyWork',
        summary: 'Your open tasks across your workspaces, by due date, and followed tasks changed',
        description:
          'Open (not done) live tasks assigned to you in every workspace you belong to, grouped by due date in the time zone `tz`: overdue, today, this week (through the coming Sunday), later, no date; at most 100 per group, with each group’s total. Then the live tasks you follow that someone else changed in the last 7 days, most recent change first.',
        querystring: MyWorkQuery,
        response: { 200: MyWork },
      }),
    },
    async (request) => service.myWork(callerId(request), request.query.tz),
  );
}
