import { type Kysely, sql } from 'kysely';
import type { MigrationPhase } from './index.ts';

export const phase: MigrationPhase = 'expand';

/**
 * The trash reads a workspace's deleted tasks, most recently deleted first, a page at a time
 * (decision 0024): a partial index, as deleted tasks are few beside live ones. ("My work" needs
 * none of its own: per workspace of the user, tasks_by_assignee serves it.)
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index tasks_trash on tasks (workspace_id, deleted_at desc, id desc)
    where deleted_at is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index tasks_trash`.execute(db);
}
