import {
  AdminUser,
  AdminUserList,
  ListUsersQuery,
  OutboxList,
  OutboxQuery,
  UpdateUserBody,
  UserIdParams,
} from '@taskflow/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adminBearer, routeSchemas } from '../../platform/http/responses.ts';
import { callerOf, type Guards } from '../auth/index.ts';
import type { AdminUsers } from './admin.service.ts';

type Options = { users: AdminUsers; guards: Guards };

const route = routeSchemas({ tags: ['admin'], security: adminBearer, problems: [401, 403] });

/** Operator endpoints on users, for role `admin` only. */
export async function adminRoutes(instance: FastifyInstance, { users, guards }: Options) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  // Before validation: someone who may not call an operator route learns nothing of its input.
  for (const guard of guards.authorize('admin')) app.addHook('preValidation', guard);

  app.get(
    '/api/v1/admin/mail-outbox',
    {
      schema: route({
        operationId: 'listOutbox',
        summary: 'The development mail outbox, newest first',
        querystring: OutboxQuery,
        response: { 200: OutboxList },
      }),
    },
    async (request) => users.outbox(request.query.limit),
  );

  app.post(
    '/api/v1/admin/users/:id/disable',
    {
      schema: route({
        operationId: 'disableUser',
        summary: 'Disable a user: every session ends at once and sign-in is refused',
        params: UserIdParams,
        response: { 204: z.null().describe('Disabled') },
        problems: [404, 409],
      }),
    },
    async (request, reply) => {
      await users.disable(callerOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/admin/users/:id/sessions/revoke',
    {
      schema: route({
        operationId: 'revokeUserSessions',
        summary: 'Sign a user out everywhere',
        params: UserIdParams,
        response: { 204: z.null().describe('Signed out') },
        problems: [404],
      }),
    },
    async (request, reply) => {
      await users.revokeSessions(callerOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/admin/users',
    {
      schema: route({
        operationId: 'listUsers',
        summary: 'Users, newest first; `q` searches names and emails',
        querystring: ListUsersQuery,
        response: { 200: AdminUserList },
      }),
    },
    async (request) => users.list(request.query),
  );

  app.patch(
    '/api/v1/admin/users/:id',
    {
      schema: route({
        operationId: 'updateUser',
        summary: 'Change a user’s role; a demoted administrator is signed out everywhere',
        description: 'The last administrator cannot be demoted (409).',
        params: UserIdParams,
        body: UpdateUserBody,
        response: { 200: AdminUser },
        problems: [404, 409],
      }),
    },
    async (request) => users.setRole(callerOf(request), request.params.id, request.body.role),
  );

  app.post(
    '/api/v1/admin/users/:id/enable',
    {
      schema: route({
        operationId: 'enableUser',
        summary: 'Enable a disabled user: they can sign in again',
        params: UserIdParams,
        response: { 200: AdminUser },
        problems: [404],
      }),
    },
    async (request) => users.enable(callerOf(request), request.params.id),
  );
}
