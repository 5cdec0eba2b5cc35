import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/database.ts';
import { createMigratedTestDatabase } from '../test/database.ts';
import { snapshotStatements } from '../test/sql-snapshot.ts';

/**
 * The previous release's SQL against the latest schema (decision 0012): while a deployment rolls,
 * instances of the previous release run on a database that every migration has already reached.
 * `compat/<version>/` holds that release's repository snapshots, recorded with the release.
 */
const compat = path.join(import.meta.dirname, 'compat');
const [release, ...others] = readdirSync(compat, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
if (!release || others.length > 0) throw new Error(`expected one release in ${compat}`);
const files = readdirSync(path.join(compat, release)).filter((file) => file.endsWith('.sql'));

type PgError = { code?: string; message: string };

/** The columns the latest schema requires that an insert leaves out: it would fail on every row. */
async function missingRequiredColumns<T>(db: Kysely<T>, text: string) {
  const insert = /^\s*insert into "(\w+)" \(([^)]*)\)/i.exec(text);
  if (!insert?.[1] || !insert[2]) return [];
  const listed = new Set(insert[2].split(',').map((column) => column.trim().replaceAll('"', '')));
  const { rows } = await sql<{ column_name: string }>`
    select column_name from information_schema.columns
    where table_schema = current_schema() and table_name = ${insert[1]}
      and is_nullable = 'NO' and column_default is null
      and is_generated = 'NEVER' and is_identity = 'NO'`.execute(db);
  return rows.map((row) => row.column_name).filter((column) => !listed.has(column));
}

/**
 * Prepares the statement (PostgreSQL resolves every table, column, type and function, and infers
 * the parameters' types), then plans it with every parameter null: nothing is executed, so no
 * dummy value can break a constraint. Returns what is wrong, or null.
 */
async function plan<T>(db: Kysely<T>, name: string, text: string): Promise<string | null> {
  try {
    await sql.raw(`prepare ${name} as ${text}`).execute(db);
  } catch (error) {
    return `${(error as PgError).message} (${(error as PgError).code})`;
  }
  try {
    const { rows } = await sql<{ n: number }>`
      select cardinality(parameter_types) as n from pg_prepared_statements
      where name = ${name}`.execute(db);
    const nulls = Array.from({ length: rows[0]?.n ?? 0 }, () => 'null').join(', ');
    await sql.raw(`explain execute ${name}${nulls ? `(${nulls})` : ''}`).execute(db);
    return null;
  } catch (error) {
    const { code, message } = error as PgError;
    // Planning folds immutable functions over the null arguments: a data exception (class 22)
    // is about those values, not about the schema.
    return code?.startsWith('22') ? null : `${message} (${code})`;
  } finally {
    await sql.raw(`deallocate ${name}`).execute(db);
  }
}

async function check<T>(db: Kysely<T>, name: string, text: string): Promise<string | null> {
  const problem = await plan(db, name, text);
  if (problem) return problem;
  const missing = await missingRequiredColumns(db, text);
  return missing.length > 0 ? `inserts without the required column(s) ${missing.join(', ')}` : null;
}

describe(`the SQL of release ${release} on the latest schema`, () => {
  let database: Database;
  beforeAll(async () => {
    // A copy of the run's template: a fresh database with every registered migration applied.
    database = await createMigratedTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it.each(files)('%s: every statement prepares and plans', async (file) => {
    const statements = snapshotStatements(readFileSync(path.join(compat, release, file), 'utf8'));
    expect(statements.length).toBeGreaterThan(0);
    const failures = await database.db.connection().execute(async (db) => {
      const found: string[] = [];
      for (const [i, statement] of statements.entries()) {
        const problem = await check(db, `compat_${i}`, statement.text);
        if (problem) found.push(`${release}/${file} › ${statement.section}: ${problem}`);
      }
      return found;
    });
    expect(failures, `release ${release} would break on the latest schema`).toEqual([]);
  });
});
