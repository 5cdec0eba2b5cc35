import { type Kysely, sql } from 'kysely';
import type { MigrationPhase } from './index.ts';

export const phase: MigrationPhase = 'expand';

/**
 * Single sign-on with OpenID Connect (decision 0034). `sso_identities` links a provider's subject
 * to an account; `sso_attempts` holds, for a few minutes, what a sign-in started in a browser must
 * find again at its callback (state, nonce, PKCE verifier) and the one-time tokens that link a
 * provider identity to an existing account: in the database, so any instance of a cluster can
 * finish what another started. An account made by SSO has no password: `password_hash` may be
 * null (the previous release only writes it, and reads null as a failed sign-in).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .alterColumn('password_hash', (c) => c.dropNotNull())
    .execute();
  await db.schema
    .createTable('sso_identities')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz')
    .addUniqueConstraint('sso_identities_provider_subject', ['provider', 'subject'])
    .execute();
  await db.schema
    .createIndex('sso_identities_user')
    .on('sso_identities')
    .column('user_id')
    .execute();
  await db.schema
    .createTable('sso_attempts')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('sign_in', 'link')`))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('detail', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sso_attempts_expiry')
    .on('sso_attempts')
    .column('expires_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sso_attempts').execute();
  await db.schema.dropTable('sso_identities').execute();
  // Password-less accounts get a hash that matches no password: they sign in by reset link.
  await sql`update users set password_hash = '!sso' where password_hash is null`.execute(db);
  await db.schema
    .alterTable('users')
    .alterColumn('password_hash', (c) => c.setNotNull())
    .execute();
}
