import {
  AddMemberBody,
  CreateWorkspaceBody,
  Member,
  MemberList,
  MemberParams,
  UpdateMemberBody,
  UpdateWorkspaceBody,
  Workspace,
  WorkspaceList,
  WorkspaceParams,
} from '@taskflow/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { bearer, noContent, routeSchemas } from '../../platform/http/responses.ts';
import { keyedLimit } from '../../platform/http/security.ts';
import { callerId, type Guards } from '../auth/index.ts';
import type { WorkspacesService } from './workspaces.service.ts';

type Options = {
  service: WorkspacesService;
  guards: Guards;
  /** Adding members by email, per user: it tells whether an address has an account. */
  addMemberLimit: { max: number; windowMs: number };
};

/** Every route is a signed-in user's. */
const route = routeSchemas({ tags: ['workspaces'], security: bearer, problems: [401] });

export async function workspacesRoutes(
  instance: FastifyInstance,
  { service, guards, addMemberLimit }: Options,
) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  app.addHook('preHandler', guards.authenticated);

  const limitAdds = keyedLimit(
    instance,
    addMemberLimit,
    (request) => `add-member:${request.auth?.sub}`,
  );

  app.get(
    '/api/v1/workspaces',
    {
      schema: route({
        operationId: 'listWorkspaces',
        summary: 'The workspaces the signed-in user belongs to, personal first',
        response: { 200: WorkspaceList },
      }),
    },
    async (request) => ({ items: await service.list(callerId(request)) }),
  );

  app.post(
    '/api/v1/workspaces',
    {
      schema: route({
        operationId: 'createWorkspace',
        summary: 'Create a shared workspace; the caller becomes its owner',
        body: CreateWorkspaceBody,
        response: { 201: Workspace },
        problems: [409],
      }),
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(callerId(request), request.body.name)),
  );

  app.get(
    '/api/v1/workspaces/:workspaceId',
    {
      schema: route({
        operationId: 'getWorkspace',
        summary: 'One workspace of the caller',
        params: WorkspaceParams,
        response: { 200: Workspace },
        problems: [404],
      }),
    },
    async (request) => service.get(request.params.workspaceId, callerId(request)),
  );

  app.patch(
    '/api/v1/workspaces/:workspaceId',
    {
      schema: route({
        operationId: 'renameWorkspace',
        summary: 'Rename a workspace (owners)',
        params: WorkspaceParams,
        body: UpdateWorkspaceBody,
        response: { 200: Workspace },
        problems: [403, 404],
      }),
    },
    async (request) =>
      service.rename(request.params.workspaceId, callerId(request), request.body.name),
  );

  app.delete(
    '/api/v1/workspaces/:workspaceId',
    {
      schema: route({
        operationId: 'deleteWorkspace',
        summary: 'Delete a workspace and all its tasks (owners; not a personal workspace)',
        params: WorkspaceParams,
        response: { 204: noContent },
        problems: [403, 404, 409],
      }),
    },
    async (request, reply) => {
      await service.remove(request.params.workspaceId, callerId(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/workspaces/:workspaceId/members',
    {
      schema: route({
        operationId: 'listMembers',
        summary: 'The members of a workspace, by name',
        params: WorkspaceParams,
        response: { 200: MemberList },
        problems: [404],
      }),
    },
    async (request) => ({
      items: await service.listMembers(request.params.workspaceId, callerId(request)),
    }),
  );

  app.post(
    '/api/v1/workspaces/:workspaceId/members',
    {
      preHandler: limitAdds,
      schema: route({
        operationId: 'addMember',
        summary: 'Add a person to the workspace by the email of their account (owners)',
        params: WorkspaceParams,
        body: AddMemberBody,
        response: { 201: Member },
        problems: [403, 404, 409],
      }),
    },
    async (request, reply) => {
      const { email, role } = request.body;
      const member = await service.addMember(
        request.params.workspaceId,
        callerId(request),
        email,
        role,
      );
      return reply.status(201).send(member);
    },
  );

  app.patch(
    '/api/v1/workspaces/:workspaceId/members/:userId',
    {
      schema: route({
        operationId: 'changeMemberRole',
        summary: 'Make a member an owner, or an owner a member (owners)',
        description: 'The last owner cannot be made a member.',
        params: MemberParams,
        body: UpdateMemberBody,
        response: { 200: Member },
        problems: [403, 404, 409],
      }),
    },
    async (request) => {
      const { workspaceId, userId } = request.params;
      return service.changeRole(workspaceId, callerId(request), userId, request.body.role);
    },
  );

  app.delete(
    '/api/v1/workspaces/:workspaceId/members/:userId',
    {
      schema: route({
        operationId: 'removeMember',
        summary: 'Remove a member (owners), or leave (your own user id)',
        description:
          'Their tasks in the workspace become unassigned. The last owner cannot leave or be removed.',
        params: MemberParams,
        response: { 204: noContent },
        problems: [403, 404, 409],
      }),
    },
    async (request, reply) => {
      const { workspaceId, userId } = request.params;
      await service.removeMember(workspaceId, callerId(request), userId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/workspaces/:workspaceId/leave',
    {
      schema: route({
        operationId: 'leaveWorkspace',
        summary: 'Leave a workspace',
        description: 'The last owner cannot leave; nobody can leave their personal workspace.',
        params: WorkspaceParams,
        response: { 204: noContent },
        problems: [404, 409],
      }),
    },
    async (request, reply) => {
      const userId = callerId(request);
      await service.removeMember(request.params.workspaceId, userId, userId);
      return reply.status(204).send(null);
    },
  );
}
