import {
  MAX_MEMBERS_PER_WORKSPACE,
  MAX_WORKSPACES_PER_USER,
  type Member,
  type Workspace,
  type WorkspaceRole,
} from '@taskflow/contract';
import { AppError, NotFoundError } from '../../platform/http/errors.ts';
import type { Publish } from '../events/events.repository.ts';
import { toTask } from '../tasks/task-json.ts';
import type {
  WorkspaceQueries,
  WorkspaceRow,
  WorkspacesRepository,
} from './workspaces.repository.ts';

type MemberRow = NonNullable<Awaited<ReturnType<WorkspaceQueries['findMember']>>>;
type ChangeRow = Awaited<ReturnType<WorkspaceQueries['rename']>>;

const workspaceChange = (row: ChangeRow) => ({
  id: row.id,
  name: row.name,
  personal: row.personal,
  updatedAt: iso(row.updated_at),
});

const iso = (d: Date | string) => new Date(d).toISOString();

export function toWorkspace(row: WorkspaceRow): Workspace {
  return {
    id: row.id,
    name: row.name,
    personal: row.personal,
    role: row.role,
    createdBy: row.created_by,
    memberCount: row.member_count,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export function toMember(row: MemberRow): Member {
  return {
    userId: row.user_id,
    name: row.name,
    email: row.email,
    role: row.role,
    joinedAt: iso(row.created_at),
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
  publish,
}: {
  repo: WorkspacesRepository;
  publish: Publish;
}) {
  async function view(workspaceId: string, userId: string): Promise<Workspace> {
    const row = await repo.findForUser(workspaceId, userId);
    if (!row) throw workspaceNotFound();
    return toWorkspace(row);
  }

  /** In a transaction: locks the workspace and checks the caller may manage it. */
  async function lockAsOwner(tx: WorkspaceQueries, workspaceId: string, userId: string) {
    const locked = await tx.lockForMember(workspaceId, userId);
    if (!locked) throw workspaceNotFound();
    if (locked.role !== 'owner') throw new AppError('FORBIDDEN');
    return locked;
  }

  async function ensureOwnerRemains(tx: WorkspaceQueries, workspaceId: string, target: Member) {
    if (target.role === 'owner' && (await tx.countMembers(workspaceId, 'owner')) <= 1) {
      throw new AppError('LAST_OWNER', {
        detail: 'Make another member an owner first, or delete the workspace',
      });
    }
  }

  return {
    list: async (userId: string) => (await repo.listForUser(userId)).map(toWorkspace),

    get: view,

    async create(userId: string, name: string): Promise<Workspace> {
      const id = await repo.transaction(async (tx, trx) => {
        if ((await tx.countMemberships(userId)) >= MAX_WORKSPACES_PER_USER) {
          throw new AppError('LIMIT_REACHED', {
            detail: `You can belong to at most ${MAX_WORKSPACES_PER_USER} workspaces`,
          });
        }
        const row = await tx.insert(name, userId);
        await publish(trx, [
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
      await repo.transaction(async (tx, trx) => {
        await lockAsOwner(tx, workspaceId, userId);
        const row = await tx.rename(workspaceId, name);
        await publish(trx, [
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
      await repo.transaction(async (tx, trx) => {
        const locked = await lockAsOwner(tx, workspaceId, userId);
        if (locked.personal) throw new AppError('PERSONAL_WORKSPACE');
        await tx.delete(workspaceId);
        await publish(trx, [
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
      return repo.transaction(async (tx, trx) => {
        await lockAsOwner(tx, workspaceId, actorId);
        const user = await tx.findUserByEmail(email);
        if (!user) throw new AppError('ACCOUNT_NOT_FOUND');
        if ((await tx.countMembers(workspaceId)) >= MAX_MEMBERS_PER_WORKSPACE) {
          throw new AppError('LIMIT_REACHED', {
            detail: `A workspace has at most ${MAX_MEMBERS_PER_WORKSPACE} members`,
          });
        }
        if ((await tx.countMemberships(user.id)) >= MAX_WORKSPACES_PER_USER) {
          throw new AppError('LIMIT_REACHED', {
            detail: `That person already belongs to ${MAX_WORKSPACES_PER_USER} workspaces`,
          });
        }
        if (!(await tx.addMember(workspaceId, user.id, role))) {
          throw new AppError('ALREADY_MEMBER');
        }
        const row = await tx.findMember(workspaceId, user.id);
        if (!row) throw memberNotFound();
        const member = toMember(row);
        await publish(trx, [
          { type: 'member.added', workspaceId, userId: user.id, actorId, data: { member } },
        ]);
        return member;
      });
    },

    async changeRole(
      workspaceId: string,
      actorId: string,
      userId: string,
      role: WorkspaceRole,
    ): Promise<Member> {
      return repo.transaction(async (tx, trx) => {
        const locked = await lockAsOwner(tx, workspaceId, actorId);
        const row = await tx.findMember(workspaceId, userId);
        if (!row) throw memberNotFound();
        const target = toMember(row);
        if (role === target.role) return target;
        if (locked.personal && userId === locked.created_by) {
          throw new AppError('PERSONAL_WORKSPACE', {
            detail: 'The person a personal workspace belongs to stays its owner',
          });
        }
        await ensureOwnerRemains(tx, workspaceId, target);
        await tx.setRole(workspaceId, userId, role);
        const member = { ...target, role };
        await publish(trx, [
          { type: 'member.updated', workspaceId, userId, actorId, data: { member } },
        ]);
        return member;
      });
    },

    /** Removes a member (owners only), or lets the caller leave (`userId` is the caller). */
    async removeMember(workspaceId: string, actorId: string, userId: string) {
      await repo.transaction(async (tx, trx) => {
        const locked = await tx.lockForMember(workspaceId, actorId);
        if (!locked) throw workspaceNotFound();
        if (userId !== actorId && locked.role !== 'owner') throw new AppError('FORBIDDEN');
        const row = await tx.findMember(workspaceId, userId);
        if (!row) throw memberNotFound();
        if (locked.personal && userId === locked.created_by) {
          throw new AppError('PERSONAL_WORKSPACE');
        }
        await ensureOwnerRemains(tx, workspaceId, toMember(row));
        const unassigned = await tx.removeMember(workspaceId, userId);
        await publish(trx, [
          ...unassigned.map((task) => ({
            type: 'task.updated',
            workspaceId,
            actorId,
            data: { task: toTask(task) },
          })),
          { type: 'member.removed', workspaceId, userId, actorId, data: { userId } },
        ]);
      });
    },
  };
}

export type WorkspacesService = ReturnType<typeof createWorkspacesService>;
