import { z } from 'zod';
import { Email } from './auth.ts';
import { explainedEnum, requestBody } from './named.ts';
import { listOf } from './pagination.ts';
import { Workspace, WorkspaceRole } from './workspaces.ts';

/** How long a link invitation lasts when not told, and at most; an email invitation lasts the default. */
export const INVITATION_DEFAULT_DAYS = 7;
export const INVITATION_MAX_DAYS = 30;
/** The most people one link can let in, and the most pending invitations a workspace can hold. */
export const INVITATION_MAX_USES = 500;
export const MAX_PENDING_INVITATIONS = 200;

export const InvitationKind = explainedEnum('InvitationKind', ['email', 'link'], {
  email: 'sent to one address; only the account with that address can accept it, once',
  link: 'a link anyone signed in can accept, until it expires, is revoked or is used up',
});
export type InvitationKind = z.infer<typeof InvitationKind>;

/** An invitation token: 32 hex characters naming the invitation, then 43 random characters. */
export const InvitationToken = z
  .string()
  .min(16)
  .max(200)
  // The length in the pattern too: generators of matching strings need no filter to meet it.
  .regex(/^[\w-]{16,200}$/)
  .describe('The secret from the invitation link (after `#` in `/invite#…`)');

export const Invitation = z
  .object({
    id: z.uuid(),
    workspaceId: z.uuid(),
    kind: InvitationKind,
    email: z.string().max(254).nullable().describe('The invited address; null for a link'),
    role: WorkspaceRole.describe('The role the person gets on joining'),
    invitedBy: z.uuid().nullable().describe('Who invited; null once that account is gone'),
    invitedByName: z.string().max(100).nullable(),
    expiresAt: z.iso.datetime(),
    maxUses: z
      .int()
      .min(1)
      .max(INVITATION_MAX_USES)
      .nullable()
      .describe('How many people can join with it; null for no limit'),
    uses: z.int().min(0).max(2_147_483_647).describe('How many people joined with it'),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Invitation' });
export type Invitation = z.infer<typeof Invitation>;

export const InvitationList = listOf(Invitation, MAX_PENDING_INVITATIONS).meta({
  id: 'InvitationList',
});

export const CreateInvitationBody = requestBody('CreateInvitationBody', {
  email: Email,
  role: WorkspaceRole.default('member'),
});
export type CreateInvitationBody = z.input<typeof CreateInvitationBody>;

export const CreateInviteLinkBody = requestBody('CreateInviteLinkBody', {
  role: WorkspaceRole.default('member'),
  expiresInDays: z
    .int()
    .min(1)
    .max(INVITATION_MAX_DAYS)
    .default(INVITATION_DEFAULT_DAYS)
    .describe(`Days until the link stops working (${INVITATION_DEFAULT_DAYS} when not given)`),
  maxUses: z
    .int()
    .min(1)
    .max(INVITATION_MAX_USES)
    .nullable()
    .default(null)
    .describe('How many people can join with it; null for no limit'),
});
export type CreateInviteLinkBody = z.input<typeof CreateInviteLinkBody>;

export const InviteLink = Invitation.extend({
  url: z.string().max(2000).describe('The link to share; shown only now, never again'),
}).meta({ id: 'InviteLink' });
export type InviteLink = z.infer<typeof InviteLink>;

export const InvitationParams = z.object({ workspaceId: z.uuid(), invitationId: z.uuid() });

export const InvitationTokenBody = requestBody('InvitationTokenBody', { token: InvitationToken });
export type InvitationTokenBody = z.input<typeof InvitationTokenBody>;

/** What the person holding an invitation sees before joining. */
export const InvitationPreview = z
  .object({
    workspaceName: z.string().max(100),
    invitedByName: z.string().max(100).nullable(),
    kind: InvitationKind,
    email: z
      .string()
      .max(254)
      .nullable()
      .describe('For an email invitation, the address that can accept it'),
    role: WorkspaceRole,
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'InvitationPreview' });
export type InvitationPreview = z.infer<typeof InvitationPreview>;

/** The workspace joined. */
export const AcceptedInvitation = z
  .object({ workspace: Workspace })
  .meta({ id: 'AcceptedInvitation' });
export type AcceptedInvitation = z.infer<typeof AcceptedInvitation>;
