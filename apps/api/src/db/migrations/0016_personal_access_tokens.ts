import { type Kysely, sql } from 'kysely';
import type { MigrationPhase } from './index.ts';

export const phase: MigrationPhase = 'expand';

/**
 * Personal access tokens for scripts (decision 0032): only the SHA-256 of each token is kept. A
 * revoked token is announced on `taskflow_auth` (`token:<id>`) so every instance stops honouring
 * it at once, as for sessions (migration 0006).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('personal_access_tokens')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('read', 'read_write')`))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('last_four', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('last_used_ip', 'text')
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_reason', 'text')
    .execute();
  await db.schema
    .createIndex('personal_access_tokens_live_by_user')
    .on('personal_access_tokens')
    .column('user_id')
    .where(sql.ref('revoked_at'), 'is', null)
    .execute();
  await sql`
    create function taskflow_token_revoked() returns trigger language plpgsql as $$
    begin
      if new.revoked_at is not null and old.revoked_at is null then
        perform pg_notify('taskflow_auth', 'token:' || new.id);
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger personal_access_tokens_revoked_notify
    after update of revoked_at on personal_access_tokens
    for each row execute function taskflow_token_revoked()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('personal_access_tokens').execute();
  await sql`drop function taskflow_token_revoked()`.execute(db);
}
