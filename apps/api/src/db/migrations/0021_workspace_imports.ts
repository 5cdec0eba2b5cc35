import { type Kysely, sql } from 'kysely';
import type { MigrationPhase } from './index.ts';

export const phase: MigrationPhase = 'expand';

/**
 * The workspace archives this instance has imported (`taskflow workspace import`): an archive's
 * id answers a second import of it with the workspace it made, and the workspace it was exported
 * from refuses a later archive of the same workspace. The record goes with the workspace, so a
 * workspace deleted here can be imported again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('workspace_imports')
    .addColumn('archive_id', 'uuid', (c) => c.primaryKey())
    .addColumn('source_workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('workspace_id', 'uuid', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('exported_at', 'timestamptz', (c) => c.notNull())
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('workspace_imports_source')
    .on('workspace_imports')
    .column('source_workspace_id')
    .execute();
  // Deleting a workspace finds its record without reading the table.
  await db.schema
    .createIndex('workspace_imports_workspace')
    .on('workspace_imports')
    .column('workspace_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('workspace_imports').execute();
}
