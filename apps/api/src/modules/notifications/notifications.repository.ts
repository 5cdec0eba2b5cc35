import type { NotificationType } from '@taskflow/contract';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { CreationCursor } from '../../platform/cursor.ts';

export type NewNotification = {
  userId: string;
  type: NotificationType;
  workspaceId: string | null;
  taskId: string | null;
  actorId: string | null;
  title: string;
  data?: Record<string, unknown>;
};

const columns = [
  'id',
  'user_id',
  'type',
  'workspace_id',
  'task_id',
  'actor_id',
  'title',
  'data',
  'created_at',
  'read_at',
] as const;

/** The only place notifications and followers meet SQL. */
export function createNotificationsRepository(db: Kysely<DB>) {
  return {
    insert: (notifications: NewNotification[]) =>
      notifications.length === 0
        ? Promise.resolve([])
        : db
            .insertInto('notifications')
            .values(
              notifications.map((n) => ({
                user_id: n.userId,
                type: n.type,
                workspace_id: n.workspaceId,
                task_id: n.taskId,
                actor_id: n.actorId,
                title: n.title,
                data: JSON.stringify(n.data ?? {}),
              })),
            )
            .returning(columns)
            .execute(),

    /** A user's notifications, newest first, a page after `after`. */
    list: (input: {
      userId: string;
      unread?: boolean | undefined;
      after?: CreationCursor | undefined;
      limit: number;
    }) => {
      let query = db
        .selectFrom('notifications')
        .select(columns)
        // Exact to the microsecond (a Date is not), for the next page's cursor.
        .select(sql<string>`created_at::text`.as('created_key'))
        .where('user_id', '=', input.userId);
      if (input.unread) query = query.where('read_at', 'is', null);
      if (input.after) {
        const { createdAt, id } = input.after;
        query = query.where(
          sql<boolean>`(created_at, id) < (${createdAt}::timestamptz, ${id}::uuid)`,
        );
      }
      return query
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(input.limit + 1)
        .execute();
    },

    unreadCount: async (userId: string) => {
      const row = await db
        .selectFrom('notifications')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return row.n;
    },

    /** Marks some (or, with `ids` undefined, all) of a user's notifications read. */
    markRead: (userId: string, ids?: string[]) => {
      let query = db
        .updateTable('notifications')
        .set({ read_at: sql<Date>`now()` })
        .where('user_id', '=', userId)
        .where('read_at', 'is', null);
      if (ids) query = query.where('id', 'in', ids);
      return query.execute();
    },

    /** Whether the user can see the task: live, in a workspace they belong to. */
    taskVisible: async (workspaceId: string, taskId: string, userId: string) =>
      (await db
        .selectFrom('tasks as t')
        .innerJoin('workspace_members as m', 'm.workspace_id', 't.workspace_id')
        .select('t.id')
        .where('t.id', '=', taskId)
        .where('t.workspace_id', '=', workspaceId)
        .where('t.deleted_at', 'is', null)
        .where('m.user_id', '=', userId)
        .executeTakeFirst()) !== undefined,

    /** Adds followers (an existing follower stays as is). */
    follow: async (pairs: { taskId: string; userId: string }[]) => {
      if (pairs.length === 0) return;
      await db
        .insertInto('task_followers')
        .values(pairs.map((p) => ({ task_id: p.taskId, user_id: p.userId })))
        .onConflict((oc) => oc.columns(['task_id', 'user_id']).doNothing())
        .execute();
    },

    unfollow: (taskId: string, userId: string) =>
      db
        .deleteFrom('task_followers')
        .where('task_id', '=', taskId)
        .where('user_id', '=', userId)
        .execute(),

    isFollowing: async (taskId: string, userId: string) =>
      (await db
        .selectFrom('task_followers')
        .select('user_id')
        .where('task_id', '=', taskId)
        .where('user_id', '=', userId)
        .executeTakeFirst()) !== undefined,

    /**
     * Who to tell about changes to these tasks: their followers who are still members of the
     * task's workspace, other than the actor; with the actor's name, for the message.
     */
    audience: (taskIds: string[], actorId: string) =>
      db
        .selectFrom('task_followers as f')
        .innerJoin('tasks as t', 't.id', 'f.task_id')
        .innerJoin('workspace_members as m', (join) =>
          join.onRef('m.workspace_id', '=', 't.workspace_id').onRef('m.user_id', '=', 'f.user_id'),
        )
        .select(['f.task_id', 'f.user_id'])
        .select((eb) =>
          eb.selectFrom('users').select('name').where('id', '=', actorId).as('actor_name'),
        )
        .where('f.task_id', 'in', taskIds)
        .where('f.user_id', '!=', actorId)
        .execute(),

    /** The name of a user, for messages. */
    nameOf: async (userId: string) =>
      (await db.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst())
        ?.name ?? null,

    /** The user's choices of what comes by mail; undefined if there is no such user. */
    settings: (userId: string) =>
      db.selectFrom('users').select('mail_on_mention').where('id', '=', userId).executeTakeFirst(),

    saveSettings: (userId: string, settings: { mailOnMention: boolean }) =>
      db
        .updateTable('users')
        .set({ mail_on_mention: settings.mailOnMention, updated_at: sql`now()` })
        .where('id', '=', userId)
        .returning('mail_on_mention')
        .executeTakeFirst(),
  };
}

export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;
export type NotificationRow = Awaited<ReturnType<NotificationsRepository['insert']>>[number];
