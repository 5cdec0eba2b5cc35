import {
  AcceptedInvitation,
  CreateInvitationBody,
  CreateInviteLinkBody,
  Invitation,
  InvitationList,
  InvitationParams,
  InvitationPreview,
  InvitationTokenBody,
  InviteLink,
  WorkspaceParams,
} from '@taskflow/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { bearer, noContent, routeSchemas } from '../../platform/http/responses.ts';
import { keyedLimit } from '../../platform/http/security.ts';
import { callerId, type Guards } from '../auth/index.ts';
import type { InvitationsService } from './invitations.service.ts';

type Limit = { max: number; windowMs: number };

type Options = {
  service: InvitationsService;
  guards: Guards;
  /** Creating invitations, per user (each may send a mail); accepting and previewing, per user or IP. */
  limits: { create: Limit; accept: Limit };
};

/** Owners' routes on a workspace's invitations. */
const ownerRoute = routeSchemas({
  tags: ['invitations'],
  security: bearer,
  problems: [401, 403, 404],
});

/**
 * Routes of the person holding an invitation. The token travels in the body, never in a URL, so
 * no access log or proxy records it.
 */
const holderRoute = routeSchemas({ tags: ['invitations'] });

export async function invitationsRoutes(
  instance: FastifyInstance,
  { service, guards, limits }: Options,
) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const limitCreates = keyedLimit(
    instance,
    limits.create,
    (request) => `invite:${request.auth?.sub}`,
  );
  const limitAccepts = keyedLimit(
    instance,
    limits.accept,
    (request) => `invitation-accept:${request.auth?.sub}`,
  );
  const perIp = { rateLimit: { max: limits.accept.max, timeWindow: limits.accept.windowMs } };

  app.get(
    '/api/v1/workspaces/:workspaceId/invitations',
    {
      preHandler: guards.authenticated,
      schema: ownerRoute({
        operationId: 'listInvitations',
        summary: 'The pending invitations of a workspace, by email and by link (owners)',
        params: WorkspaceParams,
        response: { 200: InvitationList },
      }),
    },
    async (request) => ({
      items: await service.listPending(request.params.workspaceId, callerId(request)),
    }),
  );

  app.post(
    '/api/v1/workspaces/:workspaceId/invitations',
    {
      preHandler: [guards.authenticated, limitCreates],
      schema: ownerRoute({
        operationId: 'inviteByEmail',
        summary: 'Invite an address to the workspace and mail it a link (owners)',
        description:
          'The address need not have an account. Inviting it again refreshes its pending invitation (new link, role and expiry). An address whose account is already a member answers 409 `ALREADY_MEMBER`.',
        params: WorkspaceParams,
        body: CreateInvitationBody,
        response: { 201: Invitation },
        problems: [409],
      }),
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.inviteByEmail(request.params.workspaceId, callerId(request), request.body),
        ),
  );

  app.post(
    '/api/v1/workspaces/:workspaceId/invite-links',
    {
      preHandler: [guards.authenticated, limitCreates],
      schema: ownerRoute({
        operationId: 'createInviteLink',
        summary: 'Create an invitation link, with an expiry and an optional use limit (owners)',
        description: 'The answer carries the link; it is shown only this once.',
        params: WorkspaceParams,
        body: CreateInviteLinkBody,
        response: { 201: InviteLink },
        problems: [409],
      }),
    },
    async (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .status(201)
        .send(
          await service.createLink(request.params.workspaceId, callerId(request), request.body),
        ),
  );

  app.delete(
    '/api/v1/workspaces/:workspaceId/invitations/:invitationId',
    {
      preHandler: guards.authenticated,
      schema: ownerRoute({
        operationId: 'revokeInvitation',
        summary: 'Revoke a pending invitation: its link stops working (owners)',
        params: InvitationParams,
        response: { 204: noContent },
      }),
    },
    async (request, reply) => {
      const { workspaceId, invitationId } = request.params;
      await service.revoke(workspaceId, callerId(request), invitationId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/invitations/preview',
    {
      config: perIp,
      schema: holderRoute({
        operationId: 'previewInvitation',
        summary: 'What an invitation is for: the workspace, who invited, the role',
        description:
          'Needs no account, so that a person without one can see it before signing up. An unusable invitation answers as accepting it would: 404, or 410 `INVITATION_REVOKED`, `INVITATION_USED_UP`, `INVITATION_EXPIRED`.',
        security: [],
        body: InvitationTokenBody,
        response: { 200: InvitationPreview },
        problems: [404, 410],
      }),
    },
    async (request) => service.preview(request.body.token),
  );

  app.post(
    '/api/v1/invitations/accept',
    {
      config: perIp,
      preHandler: [guards.authenticated, limitAccepts],
      schema: holderRoute({
        operationId: 'acceptInvitation',
        summary: 'Join the workspace of an invitation',
        description:
          'An email invitation can only be accepted by the account with that address (403 `INVITATION_WRONG_ACCOUNT`); a link by any account. A member answers 409 `ALREADY_MEMBER`; an unusable invitation 404 or 410.',
        security: bearer,
        body: InvitationTokenBody,
        response: { 200: AcceptedInvitation },
        problems: [401, 403, 404, 409, 410],
      }),
    },
    async (request) => ({
      workspace: await service.accept(request.body.token, callerId(request)),
    }),
  );
}
