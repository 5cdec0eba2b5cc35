import { type Kysely, sql } from 'kysely';
import type { MigrationPhase } from './index.ts';

export const phase: MigrationPhase = 'expand';

/**
 * Files attached to tasks. The bytes live in a file store (a directory or an S3 bucket) under a
 * random key; a row is `pending` from the moment an upload is allowed until its content has been
 * checked. Whatever deletes a row (the file removed, its task purged, its workspace deleted)
 * leaves the keys in `storage_deletions`, which a job empties by deleting the stored objects.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('task_attachments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('workspace_id', 'uuid', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('task_id', 'uuid', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('uploader_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull().check(sql`size >= 0`))
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('thumbnail_key', 'text')
    .addColumn('state', 'text', (c) =>
      c.notNull().defaultTo('pending').check(sql`state in ('pending', 'ready')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // A task's files, oldest first; and how many each task has.
  await db.schema
    .createIndex('task_attachments_by_task')
    .on('task_attachments')
    .columns(['task_id', 'created_at', 'id'])
    .execute();
  // What a workspace stores, against its quota.
  await db.schema
    .createIndex('task_attachments_by_workspace')
    .on('task_attachments')
    .columns(['workspace_id'])
    .execute();

  await db.schema
    .createTable('storage_deletions')
    .addColumn('storage_key', 'text', (c) => c.primaryKey())
    .addColumn('queued_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`
    create function taskflow_attachment_deleted() returns trigger language plpgsql as $$
    begin
      insert into storage_deletions (storage_key)
        select k from unnest(array[old.storage_key, old.thumbnail_key]) as k
        where k is not null
        on conflict do nothing;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger task_attachments_deleted after delete on task_attachments
    for each row execute function taskflow_attachment_deleted()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger task_attachments_deleted on task_attachments`.execute(db);
  await sql`drop function taskflow_attachment_deleted()`.execute(db);
  await db.schema.dropTable('storage_deletions').execute();
  await db.schema.dropTable('task_attachments').execute();
}
