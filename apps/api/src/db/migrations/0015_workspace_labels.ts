import { type Kysely, sql } from 'kysely';
import type { MigrationPhase } from './index.ts';

export const phase: MigrationPhase = 'expand';

/**
 * A workspace's labels with their colours (decision 0028). Tasks keep naming their labels in
 * `tasks.labels`: a row here only adds a colour to a name, compared case-insensitively.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('workspace_labels')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('workspace_id', 'uuid', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('colour', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index workspace_labels_name
    on workspace_labels (workspace_id, lower(name))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('workspace_labels').execute();
}
