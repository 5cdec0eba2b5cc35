import { type Kysely, type Selectable, sql } from 'kysely';
import type { DB, WorkspaceInvitationsTable } from '../../db/schema.ts';

type Role = 'owner' | 'member';
export type InvitationRow = Selectable<WorkspaceInvitationsTable> & {
  invited_by_name: string | null;
};

/** Neither revoked, nor used up, nor expired. */
const pending = sql<boolean>`i.revoked_at is null and (i.max_uses is null or i.uses < i.max_uses) and i.expires_at > now()`;

/** The statements on workspace invitations: the only place they meet SQL. */
export function createInvitationsRepository(db: Kysely<DB>) {
  const withInviter = () =>
    db
      .selectFrom('workspace_invitations as i')
      .leftJoin('users as u', 'u.id', 'i.invited_by')
      .selectAll('i')
      .select('u.name as invited_by_name');

  const byId = (id: string) =>
    withInviter().where('i.id', '=', id).executeTakeFirst() as Promise<InvitationRow | undefined>;

  return {
    /**
     * The workspace's name and the caller's role in it, the workspace row locked until the
     * transaction ends: its membership changes one at a time.
     */
    lockWorkspace: (workspaceId: string, userId: string) =>
      db
        .selectFrom('workspaces as w')
        .leftJoin('workspace_members as m', (join) =>
          join.onRef('m.workspace_id', '=', 'w.id').on('m.user_id', '=', userId),
        )
        .select(['w.name', 'm.role'])
        .where('w.id', '=', workspaceId)
        .forUpdate('w')
        .executeTakeFirst(),

    roleOf: async (workspaceId: string, userId: string) =>
      (
        await db
          .selectFrom('workspace_members')
          .select('role')
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId)
          .executeTakeFirst()
      )?.role,

    /** Whether an account with this address (any case) is a member. */
    isMemberByEmail: async (workspaceId: string, email: string) =>
      (await db
        .selectFrom('workspace_members as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select('m.user_id')
        .where('m.workspace_id', '=', workspaceId)
        .where(sql`lower(u.email)`, '=', email.toLowerCase())
        .executeTakeFirst()) !== undefined,

    /** The email invitation of this address that nobody has accepted or revoked yet. */
    findOpenEmail: (workspaceId: string, email: string) =>
      db
        .selectFrom('workspace_invitations')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('kind', '=', 'email')
        .where(sql`lower(email)`, '=', email.toLowerCase())
        .where('revoked_at', 'is', null)
        .where('uses', '=', 0)
        .executeTakeFirst(),

    countPending: async (workspaceId: string) => {
      const row = await db
        .selectFrom('workspace_invitations as i')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('i.workspace_id', '=', workspaceId)
        .where(pending)
        .executeTakeFirstOrThrow();
      return row.n;
    },

    insert: async (values: {
      workspaceId: string;
      kind: 'email' | 'link';
      email: string | null;
      role: Role;
      secretHash: string;
      invitedBy: string;
      expiresAt: Date;
      maxUses: number | null;
    }) => {
      const { id } = await db
        .insertInto('workspace_invitations')
        .values({
          workspace_id: values.workspaceId,
          kind: values.kind,
          email: values.email,
          role: values.role,
          secret_hash: values.secretHash,
          invited_by: values.invitedBy,
          expires_at: values.expiresAt,
          max_uses: values.maxUses,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },

    /** A new secret, role, inviter and expiry for an open email invitation: the old link stops working. */
    refresh: (
      id: string,
      values: { role: Role; secretHash: string; invitedBy: string; expiresAt: Date },
    ) =>
      db
        .updateTable('workspace_invitations')
        .set({
          role: values.role,
          secret_hash: values.secretHash,
          invited_by: values.invitedBy,
          expires_at: values.expiresAt,
          created_at: sql<string>`now()`,
          updated_at: sql<string>`now()`,
        })
        .where('id', '=', id)
        .execute(),

    find: byId,

    /** The pending invitations of a workspace, newest first. */
    listPending: (workspaceId: string) =>
      withInviter()
        .where('i.workspace_id', '=', workspaceId)
        .where(pending)
        .orderBy('i.created_at', 'desc')
        .orderBy('i.id', 'desc')
        .execute() as Promise<InvitationRow[]>,

    /** Revokes a pending invitation of the workspace; false when there is none such. */
    revoke: async (workspaceId: string, id: string) => {
      const rows = await db
        .updateTable('workspace_invitations as i')
        .set({ revoked_at: sql<string>`now()`, updated_at: sql<string>`now()` })
        .where('i.id', '=', id)
        .where('i.workspace_id', '=', workspaceId)
        .where(pending)
        .returning('i.id')
        .execute();
      return rows.length > 0;
    },

    /** The invitation, locked until the transaction ends: its uses are counted one at a time. */
    lock: (id: string) =>
      db
        .selectFrom('workspace_invitations')
        .selectAll()
        .select(sql<boolean>`expires_at <= now()`.as('expired'))
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst(),

    /** What the holder of an invitation sees: the workspace's name and the inviter's. */
    preview: (id: string) =>
      db
        .selectFrom('workspace_invitations as i')
        .innerJoin('workspaces as w', 'w.id', 'i.workspace_id')
        .leftJoin('users as u', 'u.id', 'i.invited_by')
        .select([
          'i.id',
          'i.kind',
          'i.email',
          'i.role',
          'i.secret_hash',
          'i.expires_at',
          'i.max_uses',
          'i.uses',
          'i.revoked_at',
          'w.name as workspace_name',
          'u.name as invited_by_name',
        ])
        .select(sql<boolean>`i.expires_at <= now()`.as('expired'))
        .where('i.id', '=', id)
        .executeTakeFirst(),

    markUsed: (id: string) =>
      db
        .updateTable('workspace_invitations')
        .set({ uses: sql<number>`uses + 1`, updated_at: sql<string>`now()` })
        .where('id', '=', id)
        .execute(),

    /** The account accepting: its address, and how many workspaces it belongs to. */
    account: (userId: string) =>
      db
        .selectFrom('users as u')
        .select(['u.email', 'u.name'])
        .select((eb) =>
          eb
            .selectFrom('workspace_members as m')
            .select(sql<number>`count(*)::int`.as('n'))
            .whereRef('m.user_id', '=', 'u.id')
            .as('memberships'),
        )
        .where('u.id', '=', userId)
        .executeTakeFirstOrThrow(),

    countMembers: async (workspaceId: string) => {
      const row = await db
        .selectFrom('workspace_members')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirstOrThrow();
      return row.n;
    },

    /** Adds the member and returns them as the members list shows them. */
    addMember: async (workspaceId: string, userId: string, role: Role) => {
      await db
        .insertInto('workspace_members')
        .values({ workspace_id: workspaceId, user_id: userId, role })
        .execute();
      return db
        .selectFrom('workspace_members as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['m.user_id', 'm.role', 'm.created_at', 'u.name', 'u.email'])
        .where('m.workspace_id', '=', workspaceId)
        .where('m.user_id', '=', userId)
        .executeTakeFirstOrThrow();
    },
  };
}
