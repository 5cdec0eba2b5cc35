import type { AdminStats, AdminUser, AdminUserList, OutboxList } from '@taskflow/contract';
import type { z } from 'zod';
import { creationPage, decodeCreationCursor } from '../../platform/cursor.ts';
import type { UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { DomainError, NotFoundError } from '../../platform/errors.ts';
import { recentDays } from '../../platform/time/zoned-days.ts';
import {
  type AccountRecords,
  type Client,
  type createAccountRecords,
  toUser,
} from '../auth/index.ts';
import type { createOutbox } from '../events/index.ts';
import type { JobsAdmin } from '../jobs/index.ts';
import type { AdminRepository, AdminUserRow, createAdminRepository } from './admin.repository.ts';

const SERIES_DAYS = 30;

function toAdminUser(row: AdminUserRow): AdminUser {
  return {
    ...toUser(row),
    disabled: row.disabled_at !== null,
    lastSeenAt: row.last_seen_at,
    twoFactor: row.two_factor,
  };
}

type Deps = {
  repo: AdminRepository;
  jobs: JobsAdmin;
  now?: () => number;
};

/** The operator's figures and user list. */
export function createAdminService({ repo, jobs, now = Date.now }: Deps) {
  return {
    async stats(timeZone: string): Promise<AdminStats> {
      const { days, end } = recentDays(timeZone, now(), SERIES_DAYS);
      const bounds = [...days.map((d) => d.start), end];
      const todayStart = bounds.at(-2) ?? end;
      const [figures, taskDays, jobDays, jobStats] = await Promise.all([
        repo.figures(todayStart),
        repo.taskSeries(bounds),
        jobs.perDay(bounds),
        jobs.stats(todayStart),
      ]);
      return {
        users: {
          total: figures.users,
          admins: figures.admins,
          disabled: figures.disabled,
          createdToday: figures.users_today,
        },
        tasks: {
          total: figures.tasks,
          createdToday: figures.tasks_today,
          completedToday: figures.completed_today,
        },
        jobs: jobStats,
        series: days.map((d, i) => ({
          date: d.date,
          tasksCreated: taskDays[i]?.created ?? 0,
          tasksCompleted: taskDays[i]?.completed ?? 0,
          jobsCompleted: jobDays[i]?.completed ?? 0,
          jobsFailed: jobDays[i]?.failed ?? 0,
        })),
        timeZone,
      };
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;

/** Users, newest first, optionally searched by name or email, a page at a time. */
async function listAdminUsers(
  repo: AdminRepository,
  query: { q?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<AdminUserList> {
  const before = query.cursor ? decodeCreationCursor(query.cursor) : undefined;
  const rows = await repo.listUsers({
    q: query.q?.trim() || undefined,
    before,
    limit: query.limit,
  });
  const { page, nextCursor } = creationPage(rows, query.limit);
  return { items: page.map(toAdminUser), nextCursor };
}

/** The administrator making a change, as the audit records them; null for the operator's CLI. */
export type Actor = { userId: string | null; client: Client };

type UsersDeps = {
  /** Reads, outside any transaction. */
  repo: AdminRepository;
  /** A change to a user, their sessions and its audit row commit together or not at all. */
  uow: UnitOfWork<{
    admin: typeof createAdminRepository;
    accounts: typeof createAccountRecords;
    outbox: typeof createOutbox;
  }>;
  /** After a change commits: drops what this process caches of the user, ends revoked sessions. */
  forget: (userId: string, revokedSessions: string[]) => void;
};

const userNotFound = () => new NotFoundError('user');

/** Records an administrator's action on a user, in the change's transaction. */
const auditAction = (
  accounts: AccountRecords,
  actor: Actor,
  type: string,
  userId: string,
  detail?: Record<string, unknown>,
) =>
  accounts.audit({ type, actorId: actor.userId, subjectId: userId, client: actor.client, detail });

/** What administrators do to users: each change in one transaction, with its audit row. */
export function createAdminUsers({ repo, uow, forget }: UsersDeps) {
  async function view(userId: string): Promise<AdminUser> {
    const row = await repo.findUser(userId);
    if (!row) throw userNotFound();
    return toAdminUser(row);
  }

  return {
    list: (query: { q?: string | undefined; cursor?: string | undefined; limit: number }) =>
      listAdminUsers(repo, query),

    async outbox(limit: number): Promise<z.infer<typeof OutboxList>> {
      const rows = await repo.listOutbox(limit);
      return {
        items: rows.map((r) => ({
          id: r.id,
          to: r.to_address,
          subject: r.subject,
          text: r.text_body,
          createdAt: r.created_at,
        })),
      };
    },

    /** Every session and personal access token of the user ends at once; sign-in is refused. */
    async disable(actor: Actor, userId: string) {
      if (userId === actor.userId) {
        throw new DomainError('CONFLICT', { detail: 'You cannot disable your own account' });
      }
      const revoked = await uow.run(async ({ admin, accounts }) => {
        if (!(await admin.disableUser(userId))) throw userNotFound();
        const ids = await accounts.revokeUserSessions(userId, 'user_disabled');
        const tokens = await accounts.revokeUserTokens(userId, 'user_disabled');
        await auditAction(accounts, actor, 'user.disabled', userId, {
          revokedTokens: tokens.length,
        });
        return [...ids, ...tokens];
      });
      forget(userId, revoked);
    },

    async enable(actor: Actor, userId: string): Promise<AdminUser> {
      await uow.run(async ({ admin, accounts }) => {
        if (!(await admin.enableUser(userId))) throw userNotFound();
        await auditAction(accounts, actor, 'user.enabled', userId);
      });
      forget(userId, []);
      return view(userId);
    },

    /** Signs the user out everywhere. */
    async revokeSessions(actor: Actor, userId: string) {
      const revoked = await uow.run(async ({ admin, accounts }) => {
        if (!(await admin.findUser(userId))) throw userNotFound();
        const ids = await accounts.revokeUserSessions(userId, 'revoked_by_admin');
        await auditAction(accounts, actor, 'session.revoked_by_admin', userId, {
          revokedSessions: ids.length,
        });
        return ids;
      });
      forget(userId, revoked);
    },

    /**
     * Changes a user's role. The last administrator cannot be demoted; a demoted one is signed
     * out everywhere, since access tokens carry the role and must not outlive it. The user's
     * open tabs hear of it (`user.role_changed`) and refresh their session for the new role.
     */
    async setRole(actor: Actor, userId: string, role: 'user' | 'admin'): Promise<AdminUser> {
      const revoked = await uow.run(async ({ admin, accounts, outbox }) => {
        const before = await admin.findUser(userId);
        if (!before) throw userNotFound();
        if (before.role === role) return [];
        const admins = await admin.lockAdmins();
        if (role === 'user' && admins.length === 1 && admins[0] === userId) {
          throw new DomainError('CONFLICT', {
            detail: 'TaskFlow needs at least one administrator',
          });
        }
        await admin.setRole(userId, role);
        const ids =
          role === 'user' ? await accounts.revokeUserSessions(userId, 'role_changed') : [];
        await auditAction(accounts, actor, 'user.role_changed', userId, {
          from: before.role,
          to: role,
        });
        await outbox.append([
          {
            type: 'user.role_changed',
            workspaceId: null,
            userId,
            actorId: actor.userId,
            data: { role },
          },
        ]);
        return ids;
      });
      forget(userId, revoked);
      return view(userId);
    },
  };
}

export type AdminUsers = ReturnType<typeof createAdminUsers>;
