import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

const userColumns = [
  'u.id',
  'u.email',
  'u.name',
  'u.role',
  'u.email_verified_at',
  'u.disabled_at',
  'u.created_at',
] as const;

export type AdminUserRow = {
  id: string;
  email: string;
  name: string;
  role: 'user' | 'admin';
  email_verified_at: string | null;
  disabled_at: string | null;
  created_at: string;
  last_seen_at: string | null;
  two_factor: boolean;
  created_key: string;
};

/** The operator's statements: figures across all workspaces, and users. */
export function createAdminRepository(db: Kysely<DB>) {
  const lastSeen = sql<string | null>`(
    select max(s.last_used_at) from sessions s where s.user_id = u.id
  )`.as('last_seen_at');
  const twoFactor = sql<boolean>`exists (
    select 1 from user_two_factor f where f.user_id = u.id and f.confirmed_at is not null
  )`.as('two_factor');

  return {
    /** Users and tasks: totals and today's (from `todayStart`), in one statement. */
    figures: async (todayStart: Date) => {
      const { rows } = await sql<{
        users: number;
        admins: number;
        disabled: number;
        users_today: number;
        tasks: number;
        tasks_today: number;
        completed_today: number;
      }>`
        select
          (select count(*)::int from users) as users,
          (select count(*)::int from users where role = 'admin') as admins,
          (select count(*)::int from users where disabled_at is not null) as disabled,
          (select count(*)::int from users where created_at >= ${todayStart}) as users_today,
          (select count(*)::int from tasks where deleted_at is null) as tasks,
          (select count(*)::int from tasks where deleted_at is null and created_at >= ${todayStart}) as tasks_today,
          (select count(*)::int from tasks where deleted_at is null and status = 'done'
            and completed_at >= ${todayStart}) as completed_today`.execute(db);
      const row = rows[0];
      if (!row) throw new Error('figures query returned no row');
      return row;
    },

    /** Tasks created and completed per day, for each [bounds[i], bounds[i+1]). */
    taskSeries: async (bounds: Date[]) => {
      const { rows } = await sql<{ day: number; created: number; completed: number }>`
        select d.i as day,
          (select count(*)::int from tasks t where t.created_at >= d.lo and t.created_at < d.hi) as created,
          (select count(*)::int from tasks t where t.completed_at >= d.lo and t.completed_at < d.hi) as completed
        from unnest(${bounds.slice(0, -1)}::timestamptz[], ${bounds.slice(1)}::timestamptz[])
          with ordinality as d(lo, hi, i)
        order by d.i`.execute(db);
      return rows;
    },

    /** Users, newest first, whose name or email contains `q`, a page after `before`. */
    listUsers: (input: {
      q?: string | undefined;
      before?: { createdAt: string; id: string } | undefined;
      limit: number;
    }) => {
      let query = db
        .selectFrom('users as u')
        .select(userColumns)
        .select([lastSeen, twoFactor])
        .select(sql<string>`u.created_at::text`.as('created_key'));
      if (input.q) {
        const pattern = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        query = query.where((eb) =>
          eb.or([eb('u.name', 'ilike', pattern), eb('u.email', 'ilike', pattern)]),
        );
      }
      if (input.before) {
        const { createdAt, id } = input.before;
        query = query.where(
          sql<boolean>`(u.created_at, u.id) < (${createdAt}::timestamptz, ${id}::uuid)`,
        );
      }
      return query
        .orderBy('u.created_at', 'desc')
        .orderBy('u.id', 'desc')
        .limit(input.limit + 1)
        .execute() as Promise<AdminUserRow[]>;
    },

    findUser: (id: string) =>
      db
        .selectFrom('users as u')
        .select(userColumns)
        .select([lastSeen, twoFactor])
        .select(sql<string>`u.created_at::text`.as('created_key'))
        .where('u.id', '=', id)
        .executeTakeFirst() as Promise<AdminUserRow | undefined>,

    /** The id of the account with this email (`taskflow users set-role`). */
    findUserIdByEmail: (email: string) =>
      db
        .selectFrom('users')
        .select('id')
        .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
        .executeTakeFirst(),

    /**
     * The administrators' ids, locked until the transaction ends: two demotions at once cannot
     * both see another administrator left.
     */
    lockAdmins: async () =>
      (
        await db.selectFrom('users').select('id').where('role', '=', 'admin').forUpdate().execute()
      ).map((r) => r.id),

    /** Undefined if there is no such user. */
    setRole: (id: string, role: 'user' | 'admin') =>
      db
        .updateTable('users')
        .set({ role, updated_at: sql<Date>`now()` })
        .where('id', '=', id)
        .returning('id')
        .executeTakeFirst(),

    disableUser: (id: string) =>
      db
        .updateTable('users')
        .set({ disabled_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
        .where('id', '=', id)
        .returning('id')
        .executeTakeFirst(),

    /** The development mail outbox, newest first. */
    listOutbox: (limit: number) =>
      db.selectFrom('mail_outbox').selectAll().orderBy('created_at', 'desc').limit(limit).execute(),

    /** Any workspace, whoever its members are, with their number (`taskflow tasks stats`). */
    findWorkspace: (id: string) =>
      db
        .selectFrom('workspaces as w')
        .select(['w.id', 'w.name', 'w.personal'])
        .select((eb) =>
          eb
            .selectFrom('workspace_members as m')
            .select(sql<number>`count(*)::int`.as('n'))
            .whereRef('m.workspace_id', '=', 'w.id')
            .as('member_count'),
        )
        .where('w.id', '=', id)
        .executeTakeFirst() as Promise<
        { id: string; name: string; personal: boolean; member_count: number } | undefined
      >,

    enableUser: (id: string) =>
      db
        .updateTable('users')
        .set({ disabled_at: null, updated_at: sql<Date>`now()` })
        .where('id', '=', id)
        .returning('id')
        .executeTakeFirst(),
  };
}

export type AdminRepository = ReturnType<typeof createAdminRepository>;
