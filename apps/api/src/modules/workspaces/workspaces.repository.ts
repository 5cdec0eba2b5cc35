import { type Kysely, type Selectable, sql } from 'kysely';
import type { DB, WorkspaceMembersTable, WorkspacesTable } from '../../db/schema.ts';

export type WorkspaceRow = Selectable<WorkspacesTable> & {
  role: WorkspaceMembersTable['role'];
  member_count: number;
};
type Role = WorkspaceMembersTable['role'];

/** What a workspace event says of it. */
const changeColumns = ['id', 'name', 'personal', 'updated_at'] as const;

/** The statements on workspaces and their members: the only place they meet SQL. */
export function createWorkspacesRepository(db: Kysely<DB>) {
  /** Workspaces as `userId` sees them: with their role and the number of members. */
  const visibleTo = (userId: string) =>
    db
      .selectFrom('workspace_members as m')
      .innerJoin('workspaces as w', 'w.id', 'm.workspace_id')
      .selectAll('w')
      .select('m.role')
      .select((eb) =>
        eb
          .selectFrom('workspace_members as c')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('c.workspace_id', '=', 'w.id')
          .as('member_count'),
      )
      .where('m.user_id', '=', userId);

  return {
    listForUser: (userId: string) =>
      visibleTo(userId)
        .orderBy('w.personal', 'desc')
        .orderBy('w.name')
        .orderBy('w.id')
        .execute() as Promise<WorkspaceRow[]>,

    findForUser: (workspaceId: string, userId: string) =>
      visibleTo(userId).where('w.id', '=', workspaceId).executeTakeFirst() as Promise<
        WorkspaceRow | undefined
      >,

    roleOf: async (workspaceId: string, userId: string): Promise<Role | undefined> => {
      const row = await db
        .selectFrom('workspace_members')
        .select('role')
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row?.role;
    },

    /**
     * The caller's role, with the workspace row locked until the transaction ends: membership
     * changes of one workspace happen one at a time, so "the last owner" is always exact.
     */
    lockForMember: async (workspaceId: string, userId: string) => {
      const row = await db
        .selectFrom('workspaces as w')
        .innerJoin('workspace_members as m', 'm.workspace_id', 'w.id')
        .select(['w.personal', 'w.created_by', 'm.role'])
        .where('w.id', '=', workspaceId)
        .where('m.user_id', '=', userId)
        .forUpdate('w')
        .executeTakeFirst();
      return row;
    },

    countMemberships: async (userId: string) => {
      const row = await db
        .selectFrom('workspace_members')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow();
      return row.n;
    },

    insert: async (name: string, ownerId: string) => {
      const workspace = await db
        .insertInto('workspaces')
        .values({ name, created_by: ownerId })
        .returning(changeColumns)
        .executeTakeFirstOrThrow();
      await db
        .insertInto('workspace_members')
        .values({ workspace_id: workspace.id, user_id: ownerId, role: 'owner' })
        .execute();
      return workspace;
    },

    rename: (workspaceId: string, name: string) =>
      db
        .updateTable('workspaces')
        .set({ name, updated_at: sql<Date>`now()` })
        .where('id', '=', workspaceId)
        .returning(changeColumns)
        .executeTakeFirstOrThrow(),

    delete: (workspaceId: string) =>
      db.deleteFrom('workspaces').where('id', '=', workspaceId).execute(),

    listMembers: (workspaceId: string) =>
      db
        .selectFrom('workspace_members as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['m.user_id', 'm.role', 'm.created_at', 'u.name', 'u.email'])
        .where('m.workspace_id', '=', workspaceId)
        .orderBy('u.name')
        .orderBy('m.user_id')
        .execute(),

    findMember: (workspaceId: string, userId: string) =>
      db
        .selectFrom('workspace_members as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['m.user_id', 'm.role', 'm.created_at', 'u.name', 'u.email'])
        .where('m.workspace_id', '=', workspaceId)
        .where('m.user_id', '=', userId)
        .executeTakeFirst(),

    countMembers: async (workspaceId: string, role?: Role) => {
      let query = db
        .selectFrom('workspace_members')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('workspace_id', '=', workspaceId);
      if (role) query = query.where('role', '=', role);
      return (await query.executeTakeFirstOrThrow()).n;
    },

    findUserByEmail: (email: string) =>
      db
        .selectFrom('users')
        .select(['id', 'disabled_at'])
        .where(sql`lower(email)`, '=', email.toLowerCase())
        .executeTakeFirst(),

    /** The workspace's name and the actor's, for telling someone they were added. */
    addedNotice: (workspaceId: string, actorId: string) =>
      db
        .selectFrom('workspaces as w')
        .select('w.name as workspace_name')
        .select((eb) =>
          eb.selectFrom('users').select('name').where('id', '=', actorId).as('actor_name'),
        )
        .where('w.id', '=', workspaceId)
        .executeTakeFirstOrThrow(),

    /** Adds a member; false when they already are one. */
    addMember: async (workspaceId: string, userId: string, role: Role) => {
      const rows = await db
        .insertInto('workspace_members')
        .values({ workspace_id: workspaceId, user_id: userId, role })
        .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doNothing())
        .returning('user_id')
        .execute();
      return rows.length > 0;
    },

    setRole: (workspaceId: string, userId: string, role: Role) =>
      db
        .updateTable('workspace_members')
        .set({ role })
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .execute(),

    /**
     * Removes a member and unassigns the tasks they held in the workspace (each such task is a
     * change: its version grows).
     */
    /** Run after the member's tasks were unassigned (an assignee must be a member). */
    removeMember: async (workspaceId: string, userId: string) => {
      await db
        .deleteFrom('workspace_members')
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .execute();
    },
  };
}

export type WorkspacesRepository = ReturnType<typeof createWorkspacesRepository>;
