import { type Insertable, type Kysely, sql } from 'kysely';
import type { DB, TasksTable } from '../../db/schema.ts';
import { insertPersonalWorkspace } from '../auth/index.ts';

/** Tasks are inserted this many per statement. */
const BATCH = 100;

type NewTaskRow = Omit<Insertable<TasksTable>, 'workspace_id' | 'created_by'>;

/** The demo's statements: the only place it meets SQL. */
export function createDemoRepository(db: Kysely<DB>) {
  return {
    countUsers: async () =>
      (
        await db
          .selectFrom('users')
          .select(sql<number>`count(*)::int`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,

    /** Those of `emails` that already have an account (compared case-insensitively). */
    takenEmails: async (emails: string[]) =>
      (
        await db
          .selectFrom('users')
          .select('email')
          .where(sql<string>`lower(email)`, 'in', emails)
          .execute()
      ).map((u) => u.email),

    /**
     * The planner's statistics of the tables a seed fills: a board of thousands of tasks is
     * planned on its real size at once, not once autovacuum gets to it.
     */
    refreshStatistics: async () => {
      await sql`analyze users, workspaces, workspace_members, tasks`.execute(db);
    },

    /**
     * In one transaction: verified users, each with a personal workspace; a workspace they all
     * belong to (the first as owner); and its tasks, from `tasksOf(userIds)`. The users' ids and
     * the workspace's.
     */
    insertTeam: (input: {
      users: { email: string; name: string; passwordHash: string }[];
      workspaceName: string;
      tasksOf: (userIds: string[]) => NewTaskRow[];
      onProgress?: ((inserted: number) => void) | undefined;
    }) =>
      db.transaction().execute(async (trx) => {
        const rows = await trx
          .insertInto('users')
          .values(
            input.users.map((u) => ({
              email: u.email,
              name: u.name,
              password_hash: u.passwordHash,
              email_verified_at: new Date(),
            })),
          )
          .returning(['id', 'email'])
          .execute();
        const idOf = new Map(rows.map((r) => [r.email, r.id]));
        const ids = input.users.map((u) => idOf.get(u.email) as string);
        const [owner] = ids;
        if (!owner || ids.length !== input.users.length) throw new Error('users were not created');
        for (const id of ids) await insertPersonalWorkspace(trx, id);
        const team = await trx
          .insertInto('workspaces')
          .values({ name: input.workspaceName, created_by: owner })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('workspace_members')
          .values(
            ids.map((id, i) => ({
              workspace_id: team.id,
              user_id: id,
              role: i === 0 ? ('owner' as const) : ('member' as const),
            })),
          )
          .execute();
        const tasks = input.tasksOf(ids);
        for (let start = 0; start < tasks.length; start += BATCH) {
          const batch = tasks.slice(start, start + BATCH);
          await trx
            .insertInto('tasks')
            .values(batch.map((t) => ({ ...t, workspace_id: team.id, created_by: owner })))
            .execute();
          input.onProgress?.(start + batch.length);
        }
        return { userIds: ids, workspaceId: team.id };
      }),
  };
}
