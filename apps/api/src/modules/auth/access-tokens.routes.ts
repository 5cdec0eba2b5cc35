import {
  AccessTokenIdParams,
  AccessTokenList,
  CreateAccessTokenBody,
  CreatedAccessToken,
} from '@taskflow/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { noContent, routeSchemas, sessionBearer } from '../../platform/http/responses.ts';
import { keyedLimit } from '../../platform/http/security.ts';
import type { AccessTokenService } from './access-tokens.service.ts';
import { callerId, callerOf, type Guards } from './auth.guards.ts';

type Options = {
  tokens: AccessTokenService;
  guards: Guards;
  /** Tokens a user may create per window. */
  createLimit: { max: number; windowMs: number };
};

/** Only a signed-in session manages tokens: a token cannot list, mint or revoke tokens (403). */
const route = routeSchemas({
  tags: ['access-tokens'],
  security: sessionBearer,
  problems: [401, 403],
});

/** The signed-in user's personal access tokens, under /api/v1/me/access-tokens. */
export async function accessTokenRoutes(
  instance: FastifyInstance,
  { tokens, guards, createLimit }: Options,
) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  app.addHook('preHandler', guards.authenticated);
  app.addHook('preHandler', guards.signedInOnly);
  const limitCreates = keyedLimit(
    instance,
    createLimit,
    (request) => `access-token-create:${request.auth?.sub}`,
  );

  app.get(
    '/api/v1/me/access-tokens',
    {
      schema: route({
        operationId: 'listAccessTokens',
        summary: 'The signed-in user’s personal access tokens that still work',
        response: { 200: AccessTokenList },
      }),
    },
    async (request) => ({ items: await tokens.list(callerId(request)) }),
  );

  app.post(
    '/api/v1/me/access-tokens',
    {
      preHandler: limitCreates,
      schema: route({
        operationId: 'createAccessToken',
        summary: 'Create a personal access token for scripts; the answer shows it once',
        description:
          'The token is sent as `Authorization: Bearer tf_pat_…`. `read` allows GET and HEAD only; neither scope reaches administration or the account’s sessions, password and tokens.',
        body: CreateAccessTokenBody,
        response: { 201: CreatedAccessToken },
        problems: [409],
      }),
    },
    async (request, reply) => {
      const created = await tokens.create(callerOf(request), request.body);
      return reply.status(201).header('cache-control', 'no-store').send(created);
    },
  );

  app.post(
    '/api/v1/me/access-tokens/:id/revoke',
    {
      schema: route({
        operationId: 'revokeAccessToken',
        summary: 'Revoke one of the user’s personal access tokens: it stops working at once',
        params: AccessTokenIdParams,
        response: { 204: noContent },
        problems: [404],
      }),
    },
    async (request, reply) => {
      await tokens.revoke(callerOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
