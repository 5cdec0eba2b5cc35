import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { callerIsMember, type TaskAccessScope, taskAccess } from '../tasks/index.ts';

/** Where a file is attached: a live task of a workspace, as seen by a member of it. */
export type AttachmentScope = TaskAccessScope;

const names = [
  'id',
  'workspace_id',
  'task_id',
  'uploader_id',
  'name',
  'content_type',
  'size',
  'storage_key',
  'thumbnail_key',
  'state',
  'created_at',
] as const;
const columns = names.map((name) => `a.${name}` as const);

type NewAttachment = {
  id: string;
  name: string;
  contentType: string;
  size: number;
  storageKey: string;
  state: 'pending' | 'ready';
};

/** The only place attachments meet SQL. Reads are scoped to a member's live task. */
export function createAttachmentsRepository(db: Kysely<DB>) {
  const onTask = (scope: AttachmentScope) =>
    db
      .selectFrom('task_attachments as a')
      .where('a.workspace_id', '=', scope.workspaceId)
      .where('a.task_id', '=', scope.taskId)
      .where(callerIsMember(scope.workspaceId, scope.userId));

  return {
    /** The caller's role in the workspace, and the task's title if it is live there. */
    access: (scope: AttachmentScope) => taskAccess(db, scope),

    /** The task's complete files, oldest first. */
    list: (scope: AttachmentScope) =>
      onTask(scope)
        .select(columns)
        .where('a.state', '=', 'ready')
        .orderBy('a.created_at')
        .orderBy('a.id')
        .execute(),

    /** Bytes held by the workspace's files, uploads in progress included. */
    usage: async (workspaceId: string) => {
      const row = await db
        .selectFrom('task_attachments')
        .select(sql<string>`coalesce(sum(size), 0)::text`.as('bytes'))
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirstOrThrow();
      return Number(row.bytes);
    },

    /** Files on the task, uploads in progress included. */
    countOnTask: async (taskId: string) => {
      const row = await db
        .selectFrom('task_attachments')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('task_id', '=', taskId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /**
     * Makes new uploads to the workspace wait for each other until the transaction ends, so
     * two at once cannot both fit a quota that has room for one.
     */
    lockUploads: async (workspaceId: string) => {
      await sql`select pg_advisory_xact_lock(hashtextextended(${`attachments:${workspaceId}`}, 0))`.execute(
        db,
      );
    },

    insert: (scope: AttachmentScope, file: NewAttachment) =>
      db
        .insertInto('task_attachments')
        .values({
          id: file.id,
          workspace_id: scope.workspaceId,
          task_id: scope.taskId,
          uploader_id: scope.userId,
          name: file.name,
          content_type: file.contentType,
          size: file.size,
          storage_key: file.storageKey,
          state: file.state,
        })
        .returning(names)
        .executeTakeFirstOrThrow(),

    /** A file of the task in any state, locked until the transaction ends. */
    lock: (scope: AttachmentScope, attachmentId: string) =>
      onTask(scope).select(columns).where('a.id', '=', attachmentId).forUpdate().executeTakeFirst(),

    /** An upload whose content has been checked becomes a file of the task. */
    markReady: (attachmentId: string, contentType: string) =>
      db
        .updateTable('task_attachments')
        .set({ state: 'ready', content_type: contentType })
        .where('id', '=', attachmentId)
        .returning(names)
        .executeTakeFirstOrThrow(),

    remove: (attachmentId: string) =>
      db.deleteFrom('task_attachments').where('id', '=', attachmentId).execute(),

    /** A complete file of a live task, by id alone: for a signed link, checked already. */
    servable: (attachmentId: string) =>
      db
        .selectFrom('task_attachments as a')
        .innerJoin('tasks as t', 't.id', 'a.task_id')
        .select(columns)
        .where('a.id', '=', attachmentId)
        .where('a.state', '=', 'ready')
        .where('t.deleted_at', 'is', null)
        .executeTakeFirst(),

    /** A complete image still waiting for its thumbnail. */
    needingThumbnail: (attachmentId: string) =>
      db
        .selectFrom('task_attachments as a')
        .select(columns)
        .where('a.id', '=', attachmentId)
        .where('a.state', '=', 'ready')
        .where('a.thumbnail_key', 'is', null)
        .executeTakeFirst(),

    /** Records the thumbnail; undefined if the file went (or got one) meanwhile. */
    setThumbnail: (attachmentId: string, key: string) =>
      db
        .updateTable('task_attachments')
        .set({ thumbnail_key: key })
        .where('id', '=', attachmentId)
        .where('thumbnail_key', 'is', null)
        .returning(names)
        .executeTakeFirst(),

    /** Uploads never completed: their rows go (and their keys with them, by the trigger). */
    dropAbandoned: async (olderThan: Date) => {
      const rows = await db
        .deleteFrom('task_attachments')
        .where('state', '=', 'pending')
        .where('created_at', '<', olderThan.toISOString())
        .returning('id')
        .execute();
      return rows.length;
    },

    /** Stored objects whose rows are gone, oldest first. */
    deletions: (limit: number) =>
      db
        .selectFrom('storage_deletions')
        .select('storage_key')
        .orderBy('queued_at')
        .limit(limit)
        .execute(),

    /** Queues a stored object for deletion (one written for a row that went meanwhile). */
    queueDeletion: (key: string) =>
      db
        .insertInto('storage_deletions')
        .values({ storage_key: key })
        .onConflict((oc) => oc.doNothing())
        .execute(),

    deletionsDone: (keys: string[]) =>
      db.deleteFrom('storage_deletions').where('storage_key', 'in', keys).execute(),
  };
}

export type AttachmentsRepository = ReturnType<typeof createAttachmentsRepository>;
export type AttachmentRow = Awaited<ReturnType<AttachmentsRepository['insert']>>;
