import {
  AdminUser,
  AdminUserList,
  ListUsersQuery,
  OutboxList,
  OutboxQuery,
  UpdateUserBody,
  UserIdParams,
} from '@taskflow/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adminBearer, withProblems } from '../../platform/http/responses.ts';
import { callerId, clientOf, type Guards } from '../auth/index.ts';
import type { Actor, AdminUsers } from './admin.service.ts';

type Options = { users: AdminUsers; guards: Guards };

const actorOf = (request: FastifyRequest): Actor => ({
  userId: callerId(request),
  client: clientOf(request),
});

/** Operator endpoints on users, for role `admin` only. */
export async function adminRoutes(instance: FastifyInstance, { users, guards }: Options) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  // Before validation: someone who may not call an operator route learns nothing of its input.
  for (const guard of guards.authorize('admin')) app.addHook('preValidation', guard);

  app.get(
    '/api/v1/admin/mail-outbox',
    {
      schema: {
        operationId: 'listOutbox',
        summary: 'The development mail outbox, newest first',
        tags: ['admin'],
        security: adminBearer,
        querystring: OutboxQuery,
        response: withProblems({ 200: OutboxList }, [401, 403]),
      },
    },
    async (request) => users.outbox(request.query.limit),
  );

  app.post(
    '/api/v1/admin/users/:id/disable',
    {
      schema: {
        operationId: 'disableUser',
        summary: 'Disable a user: every session ends at once and sign-in is refused',
        tags: ['admin'],
        security: adminBearer,
        params: UserIdParams,
        response: withProblems({ 204: z.null().describe('Disabled') }, [401, 403, 404, 409]),
      },
    },
    async (request, reply) => {
      await users.disable(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/admin/users/:id/sessions/revoke',
    {
      schema: {
        operationId: 'revokeUserSessions',
        summary: 'Sign a user out everywhere',
        tags: ['admin'],
        security: adminBearer,
        params: UserIdParams,
        response: withProblems({ 204: z.null().describe('Signed out') }, [401, 403, 404]),
      },
    },
    async (request, reply) => {
      await users.revokeSessions(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/admin/users',
    {
      schema: {
        operationId: 'listUsers',
        summary: 'Users, newest first; `q` searches names and emails',
        tags: ['admin'],
        security: adminBearer,
        querystring: ListUsersQuery,
        response: withProblems({ 200: AdminUserList }, [401, 403]),
      },
    },
    async (request) => users.list(request.query),
  );

  app.patch(
    '/api/v1/admin/users/:id',
    {
      schema: {
        operationId: 'updateUser',
        summary: 'Change a user’s role; a demoted administrator is signed out everywhere',
        description: 'The last administrator cannot be demoted (409).',
        tags: ['admin'],
        security: adminBearer,
        params: UserIdParams,
        body: UpdateUserBody,
        response: withProblems({ 200: AdminUser }, [401, 403, 404, 409]),
      },
    },
    async (request) => users.setRole(actorOf(request), request.params.id, request.body.role),
  );

  app.post(
    '/api/v1/admin/users/:id/enable',
    {
      schema: {
        operationId: 'enableUser',
        summary: 'Enable a disabled user: they can sign in again',
        tags: ['admin'],
        security: adminBearer,
        params: UserIdParams,
        response: withProblems({ 200: AdminUser }, [401, 403, 404]),
      },
    },
    async (request) => users.enable(actorOf(request), request.params.id),
  );
}
