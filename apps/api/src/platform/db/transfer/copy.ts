import { sql } from 'kysely';
import { columns, type Db, type TableSpec, tableId } from './catalog.ts';
import { sequenceState } from './checksum.ts';

/** Rows read and written at a time. */
const BATCH_ROWS = 1_000;

const rowType = (table: TableSpec) => sql`${tableId(table)}[]`;

/**
 * The rows of `table` that move, a batch at a time in primary-key order, each row as its text
 * (`(1,"Ada",…)`): the form every type reads back from exactly (no JavaScript value between the
 * two databases to round timestamps to milliseconds or turn a JSON `null` into SQL NULL).
 */
export async function* batchesOf(
  db: Db,
  table: TableSpec,
  batchRows = BATCH_ROWS,
): AsyncGenerator<string[]> {
  if (table.key.length === 0) throw new Error(`${table.name} has no primary key to read it by`);
  let last: string | undefined;
  for (;;) {
    // After the last row read, by its key: the key of a row's text read back as the row.
    const after =
      last === undefined
        ? sql`true`
        : sql`(${columns(table.key, 't')}) > (
            select ${columns(table.key, 'k')} from (select (${last}::${tableId(table)}).*) k)`;
    const { rows } = await sql<{ row: string }>`
      select t::text as row from ${tableId(table)} t
      where ${table.where ?? sql`true`} and ${after}
      order by ${columns(table.key, 't')} limit ${batchRows}`.execute(db);
    if (rows.length === 0) return;
    const batch = rows.map((r) => r.row);
    yield batch;
    last = batch.at(-1);
    if (rows.length < batchRows) return;
  }
}

/** Inserts rows given as their text; identity values are kept as they are. */
async function insertRows(db: Db, table: TableSpec, rows: string[]) {
  const overriding = table.identityAlways ? sql`overriding system value` : sql``;
  await sql`
    insert into ${tableId(table)} (${columns(table.stored)}) ${overriding}
    select ${columns(table.stored, 'r')} from unnest(${rows}::${rowType(table)}) r`.execute(db);
}

/** Copies the rows of `table` that move from `source` into `target`; tells each batch's size. */
export async function copyTable(
  source: Db,
  target: Db,
  table: TableSpec,
  copied: (rows: number) => void,
  batchRows = BATCH_ROWS,
) {
  for await (const rows of batchesOf(source, table, batchRows)) {
    await insertRows(target, table, rows);
    copied(rows.length);
  }
}

/** Where `rows` (as their text) sit in `table`, updated to them, every stored column. */
export async function updateRows(db: Db, table: TableSpec, rows: string[]) {
  const set = sql.join(table.stored.map((c) => sql`${sql.id(c)} = ${sql.id('r', c)}`));
  const match = sql.join(
    table.key.map((c) => sql`${sql.id('t', c)} = ${sql.id('r', c)}`),
    sql` and `,
  );
  await sql`
    update ${tableId(table)} t set ${set}
    from unnest(${rows}::${rowType(table)}) r where ${match}`.execute(db);
}

/** Turns a table's own triggers off (or on again) within the target's transaction. */
export async function setTriggers(db: Db, tables: TableSpec[], on: boolean) {
  for (const table of tables.filter((t) => t.triggers)) {
    await sql`alter table ${tableId(table)} ${on ? sql`enable` : sql`disable`} trigger user`.execute(
      db,
    );
  }
}

/** Sets a sequence of the target where it stands in the source: the next id follows the copied. */
export async function copySequence(source: Db, target: Db, schema: string, name: string) {
  const { lastValue, isCalled } = await sequenceState(source, schema, name);
  await sql`
    select setval(format('%I.%I', ${schema}::text, ${name}::text)::regclass,
      ${lastValue}::bigint, ${isCalled})`.execute(target);
}
