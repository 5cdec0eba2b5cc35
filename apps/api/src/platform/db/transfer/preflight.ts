import { type RawBuilder, sql } from 'kysely';
import { DEFAULT_MIGRATION_LOCK_TABLE, DEFAULT_MIGRATION_TABLE } from 'kysely/migration';
import { migrations } from '../../../db/migrations/index.ts';
import { OperatorError } from '../../operator-error.ts';
import { JOBS_SCHEMA } from '../../queue/boss.ts';
import { type Db, tableId, tablesIn } from './catalog.ts';

export const APP_SCHEMA = 'public';

/** The migrator's own bookkeeping: written by the target's migrations, never copied. */
export const MIGRATOR_TABLES = [DEFAULT_MIGRATION_TABLE, DEFAULT_MIGRATION_LOCK_TABLE];

/** pg-boss's tables that the export writes, so that must be empty in the target. */
const JOB_TABLES_WRITTEN = ['queue', 'schedule', 'subscription', 'job', 'job_dependency'];

/**
 * Rows a fresh database holds all the same, written by the migrations themselves: the event
 * sequence's one row (0004), as long as no event was ever numbered. The export replaces them.
 */
export const SEEDED_ROWS: Record<string, RawBuilder<unknown>> = {
  event_sequence: sql`t.last_id = 0 and t.pruned_through = 0`,
};

/** The migrations applied to `db`, by name (none before its first migration). */
async function appliedMigrations(db: Db): Promise<string[]> {
  const { rows } = await sql<{ present: boolean }>`
    select to_regclass(format('%I.%I', ${APP_SCHEMA}::text, ${DEFAULT_MIGRATION_TABLE}::text))
      is not null as present`.execute(db);
  if (!rows[0]?.present) return [];
  const applied = await sql<{ name: string }>`
    select name from ${sql.id(APP_SCHEMA, DEFAULT_MIGRATION_TABLE)} order by name`.execute(db);
  return applied.rows.map((r) => r.name);
}

/** Refuses a database migrated by a newer TaskFlow: this one cannot read what it does not know. */
export async function assertKnownMigrations(db: Db, what: string) {
  const unknown = (await appliedMigrations(db)).filter((name) => !(name in migrations));
  if (unknown.length > 0) {
    throw new OperatorError(
      `${what} has migrations this TaskFlow does not know (${unknown.join(', ')}): it was ` +
        'written by a newer release; export with that release',
    );
  }
}

/**
 * Refuses a target that holds data: any row in TaskFlow's tables (other than those the
 * migrations write) or in pg-boss's queues, schedules and jobs. Tables not made yet hold none.
 */
export async function assertFresh(db: Db, what: string) {
  const app = [...(await tablesIn(db, APP_SCHEMA)).values()].filter(
    (t) => !MIGRATOR_TABLES.includes(t.name),
  );
  const jobs = [...(await tablesIn(db, JOBS_SCHEMA)).values()].filter((t) =>
    JOB_TABLES_WRITTEN.includes(t.name),
  );
  const full: string[] = [];
  for (const table of [...app, ...jobs]) {
    const seeded = table.schema === APP_SCHEMA ? SEEDED_ROWS[table.name] : undefined;
    const { rows } = await sql<{ found: boolean }>`
      select exists (select from ${tableId(table)} t where not (${seeded ?? sql`false`}))
        as found`.execute(db);
    if (rows[0]?.found) full.push(`${table.schema}.${table.name}`);
  }
  if (full.length > 0) {
    throw new OperatorError(
      `${what} is not empty (${full.length} table${full.length === 1 ? '' : 's'} hold rows: ` +
        `${full.slice(0, 5).join(', ')}${full.length > 5 ? ', …' : ''}): export only into a ` +
        'new database, or one prepared by `taskflow migrate up` alone, before any server or ' +
        'worker has run on it',
    );
  }
}

/** Refuses two databases whose applied migrations differ (after both were migrated up). */
export async function assertSameMigrations(source: Db, target: Db) {
  const [mine, theirs] = [await appliedMigrations(source), await appliedMigrations(target)];
  if (mine.join() !== theirs.join()) {
    throw new OperatorError(
      `the source and the target are at different migrations (${mine.at(-1) ?? 'none'} and ` +
        `${theirs.at(-1) ?? 'none'}): nothing was copied`,
    );
  }
  return mine.at(-1) ?? null;
}

/** The version of pg-boss's schema (its own migrations). */
export async function jobSchemaVersion(db: Db): Promise<number> {
  const { rows } = await sql<{ version: number }>`
    select version from ${sql.id(JOBS_SCHEMA, 'version')}`.execute(db);
  return rows[0]?.version ?? 0;
}
