import { sql } from 'kysely';
import { columns, type Db, type TableSpec, tableId } from './catalog.ts';

/**
 * How values print (and so how rows are carried and summed): the same on both sides whatever the
 * servers' defaults, so that PGlite's PostgreSQL 17 and a PostgreSQL 15 print a row alike.
 */
const CANONICAL = {
  TimeZone: 'UTC',
  DateStyle: 'ISO, YMD',
  IntervalStyle: 'postgres',
  // Since PostgreSQL 12, 1 prints the shortest text that reads back as the same number.
  extra_float_digits: '1',
  bytea_output: 'hex',
};

/** Sets the canonical output for the session, or (`local`) for the current transaction. */
export async function printCanonically(db: Db, local: boolean) {
  for (const [name, value] of Object.entries(CANONICAL)) {
    await sql`select set_config(${name}, ${value}, ${local})`.execute(db);
  }
}

export type Sum = { rows: number; checksum: string };

/**
 * The rows of a table that move, counted and summed: the md5 of the md5s of their stored
 * columns' text, in order. Generated columns are left out: the target computes them again.
 */
export async function sumOf(db: Db, table: TableSpec): Promise<Sum> {
  const { rows } = await sql<{ rows: number; checksum: string }>`
    select count(*)::int as rows, md5(coalesce(string_agg(h, '' order by h), '')) as checksum
    from (
      select md5(row(${columns(table.stored, 't')})::text) collate "C" as h
      from ${tableId(table)} t where ${table.where ?? sql`true`}
    ) rows`.execute(db);
  const sum = rows[0];
  if (!sum) throw new Error(`no sum of ${table.name}`);
  return sum;
}

export type SequenceState = { lastValue: string; isCalled: boolean };

/** Where a sequence stands: the next value follows `lastValue` (or is it, until called). */
export async function sequenceState(db: Db, schema: string, name: string) {
  const { rows } = await sql<{ last_value: string; is_called: boolean }>`
    select last_value::text, is_called from ${sql.id(schema, name)}`.execute(db);
  const state = rows[0];
  if (!state) throw new Error(`no state of the sequence ${schema}.${name}`);
  return { lastValue: state.last_value, isCalled: state.is_called };
}
