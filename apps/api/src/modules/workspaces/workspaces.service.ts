import {
  MAX_MEMBERS_PER_WORKSPACE,
  MAX_WORKSPACES_PER_USER,
  type Member,
  type Workspace,
  type WorkspaceRole,
} from '@taskflow/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { DomainError, NotFoundError } from '../../platform/errors.ts';
import type { createOutbox } from '../events/index.ts';
import type { MailPayload } from '../mail/index.ts';
import type { createNotices } from '../notifications/index.ts';
import type { MemberTasks } from '../tasks/index.ts';
import type {
  createWorkspacesRepository,
  WorkspaceRow,
  WorkspacesRepository,
} from './workspaces.repository.ts';

type MemberRow = NonNullable<Awaited<ReturnType<WorkspacesRepository['findMember']>>>;
type ChangeRow = Awaited<ReturnType<WorkspacesRepository['rename']>>;

/** What a change to workspaces runs in: their statements, the outbox, and the member's tasks. */
type WorkspacesUnitOfWork = UnitOfWork<{
  workspaces: typeof createWorkspacesRepository;
  outbox: typeof createOutbox;
  memberTasks: (trx: Kysely<DB>) => MemberTasks;
  notices: typeof createNotices;
  mails: (trx: Kysely<DB>) => { send: (mail: MailPayload) => Promise<unknown> };
}>;

const workspaceChange = (row: ChangeRow) => ({
  id: row.id,
  name: row.name,
  personal: row.personal,
  updatedAt: row.updated_at,
});

function toWorkspace(row: WorkspaceRow): Workspace {
  return {
    id: row.id,
    name: row.name,
    personal: row.personal,
    role: row.role,
    createdBy: row.created_by,
    memberCount: row.member_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toMember(row: MemberRow): Member {
  return {
    userId: row.user_id,
    name: row.name,
    email: row.email,
    role: row.role,
    joinedAt: row.created_at,
  };
}

/** Someone else's workspace and one that does not exist look the same: not found. */
const workspaceNotFound = () => new NotFoundError('workspace');
const memberNotFound = () => new NotFoundError('member');

/**
 * Workspaces and their members. Every operation is scoped to the caller's memberships; owners
 * rename, delete and manage members; a workspace always keeps an owner, and a personal workspace
 * always keeps the user it belongs to.
 */
export function createWorkspacesService({
  repo,
  uow,
  appUrl,
}: {
  /** Reads, outside any transaction. */
  repo: WorkspacesRepository;
  uow: WorkspacesUnitOfWork;
  /** Where the web app is, for the links in mails. */
  appUrl: () => string;
}) {
  async function view(workspaceId: string, userId: string): Promise<Workspace> {
    const row = await repo.findForUser(workspaceId, userId);
    if (!row) throw workspaceNotFound();
    return toWorkspace(row);
  }

  /** In a transaction: locks the workspace and checks the caller may manage it. */
  async function lockAsOwner(tx: WorkspacesRepository, workspaceId: string, userId: string) {
    const locked = await tx.lockForMember(workspaceId, userId);
    if (!locked) throw workspaceNotFound();
    if (locked.role !== 'owner') throw new DomainError('FORBIDDEN');
    return locked;
  }

  async function ensureOwnerRemains(tx: WorkspacesRepository, workspaceId: string, target: Member) {
    if (target.role === 'owner' && (await tx.countMembers(workspaceId, 'owner')) <= 1) {
      throw new DomainError('LAST_OWNER', {
        detail: 'Make another member an owner first, or delete the workspace',
      });
    }
  }

  return {
    list: async (userId: string) => (await repo.listForUser(userId)).map(toWorkspace),

    get: view,

    async create(userId: string, name: string): Promise<Workspace> {
      const id = await uow.run(async ({ workspaces: tx, outbox }) => {
        if ((await tx.countMemberships(userId)) >= MAX_WORKSPACES_PER_USER) {
          throw new DomainError('LIMIT_REACHED', {
            detail: `You can belong to at most ${MAX_WORKSPACES_PER_USER} workspaces`,
          });
        }
        const row = await tx.insert(name, userId);
        await outbox.append([
          {
            type: 'workspace.created',
            workspaceId: row.id,
            userId,
            actorId: userId,
            data: { workspace: workspaceChange(row) },
          },
        ]);
        return row.id;
      });
      return view(id, userId);
    },

    async rename(workspaceId: string, userId: string, name: string): Promise<Workspace> {
      await uow.run(async ({ workspaces: tx, outbox }) => {
        await lockAsOwner(tx, workspaceId, userId);
        const row = await tx.rename(workspaceId, name);
        await outbox.append([
          {
            type: 'workspace.updated',
            workspaceId,
            actorId: userId,
            data: { workspace: workspaceChange(row) },
          },
        ]);
      });
      return view(workspaceId, userId);
    },

    /** Deletes the workspace with all its tasks. */
    async remove(workspaceId: string, userId: string) {
      await uow.run(async ({ workspaces: tx, outbox }) => {
        const locked = await lockAsOwner(tx, workspaceId, userId);
        if (locked.personal) throw new DomainError('PERSONAL_WORKSPACE');
        await tx.delete(workspaceId);
        await outbox.append([
          { type: 'workspace.deleted', workspaceId, actorId: userId, data: { workspaceId } },
        ]);
      });
    },

    async listMembers(workspaceId: string, userId: string): Promise<Member[]> {
      if (!(await repo.roleOf(workspaceId, userId))) throw workspaceNotFound();
      return (await repo.listMembers(workspaceId)).map(toMember);
    },

    async addMember(
      workspaceId: string,
      actorId: string,
      email: string,
      role: WorkspaceRole,
    ): Promise<Member> {
      return uow.run(async ({ workspaces: tx, outbox, notices, mails }) => {
        await lockAsOwner(tx, workspaceId, actorId);
        const user = await tx.findUserByEmail(email);
        if (!user) throw new DomainError('ACCOUNT_NOT_FOUND');
        if ((await tx.countMembers(workspaceId)) >= MAX_MEMBERS_PER_WORKSPACE) {
          throw new DomainError('LIMIT_REACHED', {
            detail: `A workspace has at most ${MAX_MEMBERS_PER_WORKSPACE} members`,
          });
        }
        if ((await tx.countMemberships(user.id)) >= MAX_WORKSPACES_PER_USER) {
          throw new DomainError('LIMIT_REACHED', {
            detail: `That person already belongs to ${MAX_WORKSPACES_PER_USER} workspaces`,
          });
        }
        if (!(await tx.addMember(workspaceId, user.id, role))) {
          throw new DomainError('ALREADY_MEMBER');
        }
        const row = await tx.findMember(workspaceId, user.id);
        if (!row) throw memberNotFound();
        const member = toMember(row);
        await outbox.append([
          { type: 'member.added', workspaceId, userId: user.id, actorId, data: { member } },
        ]);
        // The person added hears of it: in the app, and by mail (they were added by their address).
        const added = await tx.addedNotice(workspaceId, actorId);
        const title = `${added.actor_name ?? 'Someone'} added you to “${added.workspace_name}”`;
        await notices.send([
          {
            userId: user.id,
            type: 'workspace.joined',
            workspaceId,
            taskId: null,
            actorId,
            title,
            data: { link: `/w/${workspaceId}` },
          },
        ]);
        await mails.send({
          to: member.email,
          subject: `${title} on TaskFlow`,
          text: `${title} on TaskFlow, as ${role === 'owner' ? 'an owner' : 'a member'}.\n\nOpen it: ${appUrl()}/w/${workspaceId}`,
          key: `member-added:${workspaceId}:${user.id}:${member.joinedAt}`,
        });
        return member;
      });
    },

    async changeRole(
      workspaceId: string,
      actorId: string,
      userId: string,
      role: WorkspaceRole,
    ): Promise<Member> {
      return uow.run(async ({ workspaces: tx, outbox }) => {
        const locked = await lockAsOwner(tx, workspaceId, actorId);
        const row = await tx.findMember(workspaceId, userId);
        if (!row) throw memberNotFound();
        const target = toMember(row);
        if (role === target.role) return target;
        if (locked.personal && userId === locked.created_by) {
          throw new DomainError('PERSONAL_WORKSPACE', {
            detail: 'The person a personal workspace belongs to stays its owner',
          });
        }
        await ensureOwnerRemains(tx, workspaceId, target);
        await tx.setRole(workspaceId, userId, role);
        const member = { ...target, role };
        await outbox.append([
          { type: 'member.updated', workspaceId, userId, actorId, data: { member } },
        ]);
        return member;
      });
    },

    /** Removes a member (owners only), or lets the caller leave (`userId` is the caller). */
    async removeMember(workspaceId: string, actorId: string, userId: string) {
      await uow.run(async ({ workspaces: tx, outbox, memberTasks }) => {
        const locked = await tx.lockForMember(workspaceId, actorId);
        if (!locked) throw workspaceNotFound();
        if (userId !== actorId && locked.role !== 'owner') throw new DomainError('FORBIDDEN');
        const row = await tx.findMember(workspaceId, userId);
        if (!row) throw memberNotFound();
        if (locked.personal && userId === locked.created_by) {
          throw new DomainError('PERSONAL_WORKSPACE');
        }
        await ensureOwnerRemains(tx, workspaceId, toMember(row));
        await memberTasks.unassign(workspaceId, userId, actorId);
        await tx.removeMember(workspaceId, userId);
        await outbox.append([
          { type: 'member.removed', workspaceId, userId, actorId, data: { userId } },
        ]);
      });
    },
  };
}

export type WorkspacesService = ReturnType<typeof createWorkspacesService>;
