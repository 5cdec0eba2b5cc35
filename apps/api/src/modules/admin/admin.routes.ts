import {
  AdminUser,
  AdminUserList,
  ListUsersQuery,
  OutboxList,
  OutboxQuery,
  UpdateUserBody,
  type User,
  UserIdParams,
} from '@taskflow/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TtlCache } from '../../platform/cache/ttl-cache.ts';
import { AppError, NotFoundError } from '../../platform/http/errors.ts';
import { adminBearer, withProblems } from '../../platform/http/responses.ts';
import type { Guards } from '../auth/auth.guards.ts';
import type { AuthRepository } from '../auth/auth.repository.ts';
import { clientOf } from '../auth/auth.routes.ts';
import type { SessionCache } from '../auth/session-cache.ts';
import type { AdminRepository } from './admin.repository.ts';
import { listAdminUsers, toAdminUser } from './admin.service.ts';

type Options = {
  repo: AuthRepository;
  admin: AdminRepository;
  sessions: SessionCache;
  profiles: TtlCache<User>;
  guards: Guards;
};

/** Operator endpoints, for role `admin` only. */
export async function adminRoutes(
  instance: FastifyInstance,
  { repo, admin, sessions, profiles, guards }: Options,
) {
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
    async (request) => {
      const rows = await repo.listOutbox(request.query.limit);
      return {
        items: rows.map((r) => ({
          id: r.id,
          to: r.to_address,
          subject: r.subject,
          text: r.text_body,
          createdAt: new Date(r.created_at).toISOString(),
        })),
      };
    },
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
      const actorId = request.auth?.sub;
      if (!actorId) throw new AppError('UNAUTHENTICATED');
      if (request.params.id === actorId) {
        throw new AppError('CONFLICT', { detail: 'You cannot disable your own account' });
      }
      const user = await repo.disableUser(request.params.id);
      if (!user) throw new NotFoundError('user');
      profiles.delete(user.id);
      for (const id of await repo.revokeUserSessions(user.id, 'user_disabled')) sessions.revoke(id);
      await repo.audit({
        type: 'user.disabled',
        actorId,
        subjectId: user.id,
        client: clientOf(request),
      });
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
      const user = await repo.findUserById(request.params.id);
      if (!user) throw new NotFoundError('user');
      const revoked = await repo.revokeUserSessions(user.id, 'revoked_by_admin');
      for (const id of revoked) sessions.revoke(id);
      await repo.audit({
        type: 'session.revoked_by_admin',
        actorId: request.auth?.sub ?? null,
        subjectId: user.id,
        client: clientOf(request),
        detail: { revokedSessions: revoked.length },
      });
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
    async (request) => listAdminUsers(admin, request.query),
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
    async (request) => {
      const before = await admin.findUser(request.params.id);
      if (!before) throw new NotFoundError('user');
      const result = await admin.setRole(before.id, request.body.role);
      if (result === 'last-admin') {
        throw new AppError('CONFLICT', { detail: 'TaskFlow needs at least one administrator' });
      }
      profiles.delete(before.id);
      // Access tokens carry the role: a demotion must not wait for them to expire.
      if (before.role === 'admin' && request.body.role === 'user') {
        for (const id of await repo.revokeUserSessions(before.id, 'role_changed'))
          sessions.revoke(id);
      }
      if (before.role !== request.body.role) {
        await repo.audit({
          type: 'user.role_changed',
          actorId: request.auth?.sub ?? null,
          subjectId: before.id,
          client: clientOf(request),
          detail: { from: before.role, to: request.body.role },
        });
      }
      const after = await admin.findUser(before.id);
      if (!after) throw new NotFoundError('user');
      return toAdminUser(after);
    },
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
    async (request) => {
      if (!(await admin.enableUser(request.params.id))) throw new NotFoundError('user');
      profiles.delete(request.params.id);
      await repo.audit({
        type: 'user.enabled',
        actorId: request.auth?.sub ?? null,
        subjectId: request.params.id,
        client: clientOf(request),
      });
      const user = await admin.findUser(request.params.id);
      if (!user) throw new NotFoundError('user');
      return toAdminUser(user);
    },
  );
}
