import {
  INVITATION_DEFAULT_DAYS,
  type Invitation,
  type InvitationPreview,
  type InviteLink,
  MAX_MEMBERS_PER_WORKSPACE,
  MAX_PENDING_INVITATIONS,
  MAX_WORKSPACES_PER_USER,
  type Workspace,
  type WorkspaceRole,
} from '@taskflow/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { unitOfWork } from '../../platform/db/unit-of-work.ts';
import { DomainError, NotFoundError } from '../../platform/errors.ts';
import { createOutbox } from '../events/index.ts';
import type { MailPayload } from '../mail/index.ts';
import { createNotices } from '../notifications/index.ts';
import { newSecret, parseToken, secretMatches, tokenOf } from './invitation-token.ts';
import { createInvitationsRepository, type InvitationRow } from './invitations.repository.ts';

/** Sends a mail once the transaction `trx` commits. */
export type InvitationMail = (trx: Kysely<DB>, mail: MailPayload) => Promise<unknown>;

type Deps = {
  db: Kysely<DB>;
  /** Where the web app is, for the links in mails (asked per mail: it follows the request). */
  appUrl: () => string;
  mail: InvitationMail;
  /** A workspace as its member `userId` sees it. */
  workspaceFor: (workspaceId: string, userId: string) => Promise<Workspace>;
};

const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS);

const workspaceNotFound = () => new NotFoundError('workspace');
/** A token that names nothing, names a deleted invitation or carries the wrong secret. */
const invitationNotFound = () => new NotFoundError('invitation');

function toInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    kind: row.kind,
    email: row.email,
    role: row.role,
    invitedBy: row.invited_by,
    invitedByName: row.invited_by_name,
    expiresAt: row.expires_at,
    maxUses: row.max_uses,
    uses: row.uses,
    createdAt: row.created_at,
  };
}

/** Why an invitation can no longer be used, in the order the holder should hear it. */
function refusal(row: {
  revoked_at: string | null;
  max_uses: number | null;
  uses: number;
  expired: boolean;
}) {
  if (row.revoked_at) return new DomainError('INVITATION_REVOKED');
  if (row.max_uses !== null && row.uses >= row.max_uses) {
    return new DomainError('INVITATION_USED_UP');
  }
  if (row.expired) return new DomainError('INVITATION_EXPIRED');
  return undefined;
}

/**
 * Invitations to a workspace, by email or by link. Owners create, list and revoke them; the
 * person holding one joins with it. Every change runs with the workspace row locked, so
 * membership and invitation counts are exact, and a use limit holds under concurrent accepts.
 */
export function createInvitationsService({ db, appUrl, mail, workspaceFor }: Deps) {
  const reads = createInvitationsRepository(db);
  const uow = unitOfWork(db, {
    invitations: createInvitationsRepository,
    outbox: createOutbox,
    notices: createNotices,
    mails: (trx: Kysely<DB>) => ({ send: (m: MailPayload) => mail(trx, m) }),
  });
  type Tx = Parameters<Parameters<typeof uow.run>[0]>[0];

  const linkOf = (id: string, secret: string) => `${appUrl()}/invite#${tokenOf(id, secret)}`;

  async function lockAsOwner(tx: Tx, workspaceId: string, userId: string) {
    const locked = await tx.invitations.lockWorkspace(workspaceId, userId);
    if (!locked?.role) throw workspaceNotFound();
    if (locked.role !== 'owner') throw new DomainError('FORBIDDEN');
    return locked;
  }

  async function ensureRoom(tx: Tx, workspaceId: string) {
    if ((await tx.invitations.countPending(workspaceId)) >= MAX_PENDING_INVITATIONS) {
      throw new DomainError('LIMIT_REACHED', {
        detail: `A workspace has at most ${MAX_PENDING_INVITATIONS} pending invitations`,
      });
    }
  }

  /** Tells the workspace's open pages that its pending invitations changed. */
  const changed = (
    tx: Tx,
    workspaceId: string,
    actorId: string,
    invitationId: string,
    change: 'created' | 'refreshed' | 'revoked' | 'used',
  ) =>
    tx.outbox.append([
      {
        type: 'invitation.changed',
        workspaceId,
        actorId,
        data: { invitationId, change },
      },
    ]);

  async function stored(tx: Tx, id: string) {
    const row = await tx.invitations.find(id);
    if (!row) throw invitationNotFound();
    return toInvitation(row);
  }

  /** The invitation a token names, when its secret is right. */
  async function byToken<R extends { secret_hash: string }>(
    token: string,
    find: (id: string) => Promise<R | undefined>,
  ): Promise<R> {
    const parsed = parseToken(token);
    const row = parsed && (await find(parsed.id));
    if (!parsed || !row || !secretMatches(parsed.secret, row.secret_hash)) {
      throw invitationNotFound();
    }
    return row;
  }

  return {
    /**
     * Invites an address and mails it the link. Inviting an address again refreshes its open
     * invitation (new link, role and expiry) instead of adding another.
     */
    inviteByEmail: (
      workspaceId: string,
      actorId: string,
      input: { email: string; role: WorkspaceRole },
    ): Promise<Invitation> =>
      uow.run(async (tx) => {
        const workspace = await lockAsOwner(tx, workspaceId, actorId);
        if (await tx.invitations.isMemberByEmail(workspaceId, input.email)) {
          throw new DomainError('ALREADY_MEMBER');
        }
        const { secret, secretHash } = newSecret();
        const values = {
          role: input.role,
          secretHash,
          invitedBy: actorId,
          expiresAt: inDays(INVITATION_DEFAULT_DAYS),
        };
        const open = await tx.invitations.findOpenEmail(workspaceId, input.email);
        let id: string;
        if (open) {
          id = open.id;
          await tx.invitations.refresh(id, values);
        } else {
          await ensureRoom(tx, workspaceId);
          id = await tx.invitations.insert({
            ...values,
            workspaceId,
            kind: 'email',
            email: input.email,
            maxUses: 1,
          });
        }
        const invitation = await stored(tx, id);
        const inviter = invitation.invitedByName ?? 'Someone';
        await tx.mails.send({
          to: input.email,
          subject: `${inviter} invited you to “${workspace.name}” on TaskFlow`,
          text: `${inviter} invited you to join the workspace “${workspace.name}” on TaskFlow as ${input.role === 'owner' ? 'an owner' : 'a member'}.\n\nJoin it here (you can create an account there if you have none):\n${linkOf(id, secret)}\n\nThe invitation works for ${INVITATION_DEFAULT_DAYS} days. If you did not expect it, you can ignore this mail.`,
          // Once per invitation and secret: a refreshed invitation mails its new link.
          key: `invitation:${id}:${secretHash.slice(0, 16)}`,
        });
        await changed(tx, workspaceId, actorId, id, open ? 'refreshed' : 'created');
        return invitation;
      }),

    /** A link anyone signed in can join with, until it expires, is used up or revoked. */
    createLink: (
      workspaceId: string,
      actorId: string,
      input: { role: WorkspaceRole; expiresInDays: number; maxUses: number | null },
    ): Promise<InviteLink> =>
      uow.run(async (tx) => {
        await lockAsOwner(tx, workspaceId, actorId);
        await ensureRoom(tx, workspaceId);
        const { secret, secretHash } = newSecret();
        const id = await tx.invitations.insert({
          workspaceId,
          kind: 'link',
          email: null,
          role: input.role,
          secretHash,
          invitedBy: actorId,
          expiresAt: inDays(input.expiresInDays),
          maxUses: input.maxUses,
        });
        const link = { ...(await stored(tx, id)), url: linkOf(id, secret) };
        await changed(tx, workspaceId, actorId, id, 'created');
        return link;
      }),

    async listPending(workspaceId: string, userId: string): Promise<Invitation[]> {
      const role = await reads.roleOf(workspaceId, userId);
      if (!role) throw workspaceNotFound();
      if (role !== 'owner') throw new DomainError('FORBIDDEN');
      return (await reads.listPending(workspaceId)).map(toInvitation);
    },

    revoke: (workspaceId: string, actorId: string, invitationId: string) =>
      uow.run(async (tx) => {
        await lockAsOwner(tx, workspaceId, actorId);
        if (!(await tx.invitations.revoke(workspaceId, invitationId))) {
          throw invitationNotFound();
        }
        await changed(tx, workspaceId, actorId, invitationId, 'revoked');
      }),

    /** What the holder of a token is invited to; refused as accepting would be, but for the account. */
    async preview(token: string): Promise<InvitationPreview> {
      const row = await byToken(token, reads.preview);
      const refused = refusal(row);
      if (refused) throw refused;
      return {
        workspaceName: row.workspace_name,
        invitedByName: row.invited_by_name,
        kind: row.kind,
        email: row.email,
        role: row.role,
        expiresAt: row.expires_at,
      };
    },

    /** Makes the caller a member with the invitation's role, and tells them. */
    async accept(token: string, userId: string): Promise<Workspace> {
      const found = await byToken(token, reads.find);
      const workspaceId = found.workspace_id;
      await uow.run(async (tx) => {
        // The workspace first, then the invitation: the order every change here takes.
        const workspace = await tx.invitations.lockWorkspace(workspaceId, userId);
        const row = await tx.invitations.lock(found.id);
        if (!workspace || !row) throw invitationNotFound();
        if (row.revoked_at) throw new DomainError('INVITATION_REVOKED');
        if (workspace.role) throw new DomainError('ALREADY_MEMBER');
        const refused = refusal(row);
        if (refused) throw refused;
        const account = await tx.invitations.account(userId);
        if (row.kind === 'email' && account.email.toLowerCase() !== row.email?.toLowerCase()) {
          throw new DomainError('INVITATION_WRONG_ACCOUNT', {
            detail: 'Sign in with the account of the address the invitation was sent to',
          });
        }
        if ((await tx.invitations.countMembers(workspaceId)) >= MAX_MEMBERS_PER_WORKSPACE) {
          throw new DomainError('LIMIT_REACHED', {
            detail: `A workspace has at most ${MAX_MEMBERS_PER_WORKSPACE} members`,
          });
        }
        if ((account.memberships ?? 0) >= MAX_WORKSPACES_PER_USER) {
          throw new DomainError('LIMIT_REACHED', {
            detail: `You can belong to at most ${MAX_WORKSPACES_PER_USER} workspaces`,
          });
        }
        const added = await tx.invitations.addMember(workspaceId, userId, row.role);
        await tx.invitations.markUsed(row.id);
        const member = {
          userId: added.user_id,
          name: added.name,
          email: added.email,
          role: added.role,
          joinedAt: added.created_at,
        };
        await tx.outbox.append([
          { type: 'member.added', workspaceId, userId, actorId: userId, data: { member } },
          {
            type: 'invitation.changed',
            workspaceId,
            actorId: userId,
            data: { invitationId: row.id, change: 'used' },
          },
        ]);
        const inviter = found.invited_by_name;
        await tx.notices.send([
          {
            userId,
            type: 'workspace.joined',
            workspaceId,
            taskId: null,
            actorId: row.invited_by,
            title: inviter
              ? `You joined “${workspace.name}”, invited by ${inviter}`
              : `You joined “${workspace.name}”`,
            data: { link: `/w/${workspaceId}` },
          },
        ]);
      });
      return workspaceFor(workspaceId, userId);
    },
  };
}

export type InvitationsService = ReturnType<typeof createInvitationsService>;
