import { type Kysely, sql } from 'kysely';
import type { MigrationPhase } from './index.ts';

export const phase: MigrationPhase = 'expand';

/**
 * Revocations reach every API instance on commit: a revoked session and a user whose role,
 * state, name or email changed are announced on `taskflow_auth` (modules/auth/revocations.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function taskflow_session_revoked() returns trigger language plpgsql as $$
    begin
      if new.revoked_at is not null and old.revoked_at is null then
        perform pg_notify('taskflow_auth', 'session:' || new.id);
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger sessions_revoked_notify after update of revoked_at on sessions
    for each row execute function taskflow_session_revoked()`.execute(db);
  await sql`
    create function taskflow_user_changed() returns trigger language plpgsql as $$
    begin
      if new.role is distinct from old.role
        or new.disabled_at is distinct from old.disabled_at
        or new.name is distinct from old.name
        or new.email is distinct from old.email
        or new.email_verified_at is distinct from old.email_verified_at then
        perform pg_notify('taskflow_auth', 'user:' || new.id);
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger users_changed_notify after update on users
    for each row execute function taskflow_user_changed()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger users_changed_notify on users`.execute(db);
  await sql`drop function taskflow_user_changed()`.execute(db);
  await sql`drop trigger sessions_revoked_notify on sessions`.execute(db);
  await sql`drop function taskflow_session_revoked()`.execute(db);
}
