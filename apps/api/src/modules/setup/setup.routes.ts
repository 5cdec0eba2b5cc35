import { SetupAccountBody, SetupLink, SetupTokenBody, User } from '@taskflow/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { bearer, routeSchemas } from '../../platform/http/responses.ts';
import { callerId, clientOf, type Guards } from '../auth/index.ts';
import type { SetupService } from './setup.service.ts';

type Options = {
  service: SetupService;
  guards: Guards;
  limit: { perIp: number; windowMs: number };
};

/** Every setup route answers 404 for an unknown or expired link, 410 once it was used. */
const route = routeSchemas({ tags: ['setup'], security: [], problems: [404, 410] });

/**
 * The first administrator, from the one-time link printed in the log. The token travels in
 * request bodies, never in an API path, so no request log line holds it.
 */
export async function setupRoutes(instance: FastifyInstance, { service, guards, limit }: Options) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const perIp = { rateLimit: { max: limit.perIp, timeWindow: limit.windowMs } };

  app.post(
    '/api/v1/setup/check',
    {
      config: perIp,
      schema: route({
        operationId: 'checkSetupLink',
        summary: 'Whether a setup link can still make the first administrator',
        body: SetupTokenBody,
        response: { 200: SetupLink },
      }),
    },
    async (request) => service.check(request.body.token),
  );

  app.post(
    '/api/v1/setup/account',
    {
      config: perIp,
      schema: route({
        operationId: 'createFirstAdmin',
        summary: 'Create the first administrator account with a setup link',
        description:
          'The link works once. The account is verified; the registration rules apply to its password.',
        body: SetupAccountBody,
        response: { 201: User },
        problems: [409],
      }),
    },
    async (request, reply) => {
      const { token, ...account } = request.body;
      return reply.status(201).send(await service.createAdmin(token, account, clientOf(request)));
    },
  );

  app.post(
    '/api/v1/setup/promote',
    {
      config: perIp,
      preHandler: guards.authenticated,
      schema: route({
        operationId: 'promoteToFirstAdmin',
        summary: 'Make the signed-in account the first administrator with a setup link',
        description:
          'The link works once. Refresh the session afterwards for a token with the new role.',
        security: bearer,
        body: SetupTokenBody,
        response: { 200: User },
        problems: [401, 409],
      }),
    },
    async (request) => service.promote(request.body.token, callerId(request), clientOf(request)),
  );
}
