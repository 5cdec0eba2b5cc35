import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * What an archive reads of one workspace: every row that belongs to it, the trash and deleted
 * comments included (history entries name them), in one snapshot of the database.
 */
export function createArchiveExportRepository(db: Kysely<DB>) {
  return {
    /**
     * Runs `work` in one repeatable-read transaction: every read sees the database as it was at
     * the first, whatever servers write meanwhile. (No `read only`: the PGlite dialect drops it,
     * and the statement would differ between the two databases.)
     */
    snapshot: <T>(work: (trx: Kysely<DB>) => Promise<T>) =>
      db.transaction().setIsolationLevel('repeatable read').execute(work),

    workspace: (workspaceId: string) =>
      db
        .selectFrom('workspaces')
        .select(['id', 'name', 'personal', 'created_at', 'updated_at'])
        .where('id', '=', workspaceId)
        .executeTakeFirst(),

    members: (workspaceId: string) =>
      db
        .selectFrom('workspace_members')
        .select(['user_id', 'role'])
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at')
        .orderBy('user_id')
        .execute(),

    /** The accounts the workspace's rows name, by id (accounts deleted since are not there). */
    users: (userIds: string[]) =>
      userIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('users')
            .select(['id', 'email', 'name'])
            .where('id', 'in', userIds)
            .orderBy('email')
            .execute(),

    labels: (workspaceId: string) =>
      db
        .selectFrom('workspace_labels')
        .select(['name', 'colour', 'created_at', 'updated_at'])
        .where('workspace_id', '=', workspaceId)
        .orderBy(sql`lower(name)`)
        .execute(),

    /** Every task, the trash included, in the manual order. */
    tasks: (workspaceId: string) =>
      db
        .selectFrom('tasks')
        .select([
          'id',
          'title',
          'description',
          'status',
          'priority',
          sql<string | null>`to_char(due_date, 'YYYY-MM-DD')`.as('due_date'),
          'assignee_id',
          'labels',
          'created_by',
          'created_at',
          'updated_at',
          'completed_at',
          'deleted_at',
        ])
        .where('workspace_id', '=', workspaceId)
        .orderBy('position')
        .orderBy('id')
        .execute(),

    followers: (workspaceId: string) =>
      db
        .selectFrom('task_followers as f')
        .innerJoin('tasks as t', 't.id', 'f.task_id')
        .select(['f.task_id', 'f.user_id'])
        .where('t.workspace_id', '=', workspaceId)
        .orderBy('f.task_id')
        .orderBy('f.created_at')
        .execute(),

    comments: (workspaceId: string) =>
      db
        .selectFrom('task_comments')
        .select([
          'id',
          'task_id',
          'author_id',
          'body',
          'created_at',
          'updated_at',
          'edited_at',
          'deleted_at',
        ])
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),

    /** Complete files only: an upload still in progress has no bytes to carry. */
    attachments: (workspaceId: string) =>
      db
        .selectFrom('task_attachments')
        .select([
          'id',
          'task_id',
          'uploader_id',
          'name',
          'content_type',
          'size',
          'storage_key',
          'created_at',
        ])
        .where('workspace_id', '=', workspaceId)
        .where('state', '=', 'ready')
        .orderBy('created_at')
        .orderBy('id')
        .execute(),

    history: (workspaceId: string) =>
      db
        .selectFrom('task_history')
        .select(['task_id', 'actor_id', 'kind', 'details', 'created_at'])
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
  };
}

export type ArchiveExportRepository = ReturnType<typeof createArchiveExportRepository>;
