import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { CreationCursor } from '../../platform/cursor.ts';
import { callerIsMember, taskAccess } from '../tasks/index.ts';

/** Where a comment is addressed: a live task of a workspace, as seen by a member of it. */
export type CommentScope = { workspaceId: string; taskId: string; userId: string };

const names = [
  'id',
  'workspace_id',
  'task_id',
  'author_id',
  'body',
  'version',
  'created_at',
  'updated_at',
  'edited_at',
] as const;
const columns = names.map((name) => `c.${name}` as const);

/** The only place comments meet SQL. Every statement is scoped to a member's live task. */
export function createCommentsRepository(db: Kysely<DB>) {
  const live = (scope: CommentScope) =>
    db
      .selectFrom('task_comments as c')
      .where('c.workspace_id', '=', scope.workspaceId)
      .where('c.task_id', '=', scope.taskId)
      .where('c.deleted_at', 'is', null)
      .where(callerIsMember(scope.workspaceId, scope.userId));

  return {
    /** The caller's role in the workspace, and the task's title if it is live there. */
    access: (scope: CommentScope) => taskAccess(db, scope),

    /** A page of the task's live comments, oldest first. */
    page: (scope: CommentScope, after: CreationCursor | undefined, limit: number) => {
      let query = live(scope)
        .select(columns)
        .select(sql<string>`c.created_at::text`.as('created_key'));
      if (after) {
        query = query.where(
          sql<boolean>`(c.created_at, c.id) > (${after.createdAt}::timestamptz, ${after.id}::uuid)`,
        );
      }
      return query
        .orderBy('c.created_at')
        .orderBy('c.id')
        .limit(limit + 1)
        .execute();
    },

    /** A live comment, locked until the transaction ends. */
    lock: (scope: CommentScope, commentId: string) =>
      live(scope).select(columns).where('c.id', '=', commentId).forUpdate().executeTakeFirst(),

    insert: (scope: CommentScope, body: string) =>
      db
        .insertInto('task_comments')
        .values({
          workspace_id: scope.workspaceId,
          task_id: scope.taskId,
          author_id: scope.userId,
          body,
        })
        .returning(names)
        .executeTakeFirstOrThrow(),

    edit: (commentId: string, body: string) =>
      db
        .updateTable('task_comments')
        .set((eb) => ({
          body,
          version: eb('version', '+', 1),
          updated_at: sql`now()`,
          edited_at: sql`now()`,
        }))
        .where('id', '=', commentId)
        .returning(names)
        .executeTakeFirstOrThrow(),

    remove: (commentId: string) =>
      db
        .updateTable('task_comments')
        .set({ deleted_at: sql`now()`, updated_at: sql`now()` })
        .where('id', '=', commentId)
        .execute(),

    /** The members of the workspace, to find whom a comment mentions. */
    members: (workspaceId: string) =>
      db
        .selectFrom('workspace_members as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['u.id', 'u.name', 'u.email', 'u.mail_on_mention'])
        .where('m.workspace_id', '=', workspaceId)
        .execute(),
  };
}

export type CommentsRepository = ReturnType<typeof createCommentsRepository>;
export type CommentRow = Awaited<ReturnType<CommentsRepository['insert']>>;
