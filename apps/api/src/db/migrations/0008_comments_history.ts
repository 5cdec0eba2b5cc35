import { type Kysely, sql } from 'kysely';
import type { MigrationPhase } from './index.ts';

const now = sql`now()`;

export const phase: MigrationPhase = 'expand';

/**
 * The conversation on a task and the record of what happened to it: comments (edited in place
 * with a version, deleted softly) and one history entry per change, written by the change's own
 * transaction; and each user's choice of mail for mentions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('task_comments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('workspace_id', 'uuid', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('task_id', 'uuid', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    // A departed account keeps its words; the author shows as unknown.
    .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('edited_at', 'timestamptz')
    .addColumn('deleted_at', 'timestamptz')
    .execute();
  // A task's comments, oldest first, a page at a time; and how many each task has.
  await db.schema
    .createIndex('task_comments_by_task')
    .on('task_comments')
    .columns(['task_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('task_history')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('workspace_id', 'uuid', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('task_id', 'uuid', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('actor_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // [{ field, from, to }] for a change of fields; the comment's id for a comment.
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  // Newest first, a page at a time (ids break ties within one transaction's timestamp).
  await db.schema
    .createIndex('task_history_by_task')
    .on('task_history')
    .columns(['task_id', 'created_at desc', 'id desc'])
    .execute();

  // Whether a mention in a comment also comes by mail (it always shows in the app).
  await db.schema
    .alterTable('users')
    .addColumn('mail_on_mention', 'boolean', (c) => c.notNull().defaultTo(true))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('mail_on_mention').execute();
  await db.schema.dropTable('task_history').execute();
  await db.schema.dropTable('task_comments').execute();
}
