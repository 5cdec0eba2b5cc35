import {
  ChangePasswordBody,
  PasswordConfirmationBody,
  SessionIdParams,
  SessionList,
  UpdateProfileBody,
  User,
} from '@taskflow/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/http/errors.ts';
import { bearer, noContent, routeSchemas, sessionBearer } from '../../platform/http/responses.ts';
import type { AccountService } from './account.service.ts';
import { clientOf, type Guards } from './auth.guards.ts';
import type { AuthService } from './auth.service.ts';

type Options = { auth: AuthService; account: AccountService; guards: Guards };

const route = routeSchemas({ tags: ['account'], security: bearer, problems: [401] });
/** Sessions and password: a signed-in session only, never a personal access token (403). */
const sessionRoute = routeSchemas({
  tags: ['account'],
  security: sessionBearer,
  problems: [401, 403],
});

function callerOf(request: FastifyRequest) {
  if (!request.auth) throw new AppError('UNAUTHENTICATED');
  return { userId: request.auth.sub, sessionId: request.auth.sid, client: clientOf(request) };
}

/** The signed-in user's own account, under /api/v1/me. */
export async function accountRoutes(instance: FastifyInstance, { auth, account, guards }: Options) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  app.addHook('preHandler', guards.authenticated);

  app.get(
    '/api/v1/me',
    {
      schema: route({
        operationId: 'getCurrentUser',
        summary: 'The signed-in user',
        response: { 200: User },
      }),
    },
    async (request) => auth.currentUser(callerOf(request).userId),
  );

  app.patch(
    '/api/v1/me',
    {
      schema: route({
        operationId: 'updateProfile',
        summary: 'Update the signed-in user’s profile',
        body: UpdateProfileBody,
        response: { 200: User },
      }),
    },
    async (request) => account.updateProfile(callerOf(request), request.body.name),
  );

  app.post(
    '/api/v1/me/password',
    {
      preHandler: guards.signedInOnly,
      schema: sessionRoute({
        operationId: 'changePassword',
        summary: 'Change the password; every other session is signed out',
        body: ChangePasswordBody,
        response: { 204: noContent },
      }),
    },
    async (request, reply) => {
      const { currentPassword, newPassword } = request.body;
      await account.changePassword(callerOf(request), currentPassword, newPassword);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me/sessions',
    {
      preHandler: guards.signedInOnly,
      schema: sessionRoute({
        operationId: 'listSessions',
        summary: 'The signed-in user’s active sessions',
        response: { 200: SessionList },
      }),
    },
    async (request) => ({ items: await account.listSessions(callerOf(request)) }),
  );

  app.post(
    '/api/v1/me/sessions/:id/revoke',
    {
      preHandler: guards.signedInOnly,
      schema: sessionRoute({
        operationId: 'revokeSession',
        summary: 'Sign one of the user’s sessions out (the password is asked again)',
        params: SessionIdParams,
        body: PasswordConfirmationBody,
        response: { 204: noContent },
        problems: [404],
      }),
    },
    async (request, reply) => {
      await account.revokeSession(callerOf(request), request.params.id, request.body.password);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/me/sessions/revoke-all',
    {
      preHandler: guards.signedInOnly,
      schema: sessionRoute({
        operationId: 'signOutEverywhere',
        summary: 'Sign out everywhere: revoke every session of the user, this one included',
        description: 'The password is asked again.',
        body: PasswordConfirmationBody,
        response: { 204: noContent },
      }),
    },
    async (request, reply) => {
      await account.signOutEverywhere(callerOf(request), request.body.password);
      return reply.status(204).send(null);
    },
  );
}
