import { type Kysely, sql } from 'kysely';
import type { MigrationPhase } from './index.ts';

export const phase: MigrationPhase = 'expand';

/**
 * Invitations to a workspace: by email (one address, one use) or by link (any signed-in account,
 * up to `max_uses`). Only the SHA-256 of a token's secret is stored. A pending email invitation
 * is unique per workspace and address (case-insensitive): inviting again refreshes that row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('workspace_invitations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('workspace_id', 'uuid', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('email', 'link')`))
    .addColumn('email', 'text')
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'member')`))
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('max_uses', 'integer', (c) => c.check(sql`max_uses > 0`))
    .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0).check(sql`uses >= 0`))
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'workspace_invitations_email_kind',
      sql`(kind = 'email') = (email is not null)`,
    )
    .execute();
  // A workspace's invitations, newest first (the settings list).
  await db.schema
    .createIndex('workspace_invitations_by_workspace')
    .on('workspace_invitations')
    .columns(['workspace_id', 'created_at'])
    .execute();
  // One pending email invitation per workspace and address.
  await sql`
    create unique index workspace_invitations_pending_email
    on workspace_invitations (workspace_id, lower(email))
    where kind = 'email' and revoked_at is null and uses = 0`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('workspace_invitations').execute();
}
