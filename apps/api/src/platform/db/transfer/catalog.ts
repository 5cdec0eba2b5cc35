import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** The source or the target (or its transaction): tables are read from the catalog. */
export type Db = Kysely<DB>;

/** A table as the transfer moves it, read from the catalog. */
export type TableSpec = {
  schema: string;
  name: string;
  /** Every column as `name type`, in the table's order: source and target must agree. */
  shape: string[];
  /** The columns an insert writes (generated ones are computed again by the target). */
  stored: string[];
  /** The primary key's columns (none: the table cannot be copied in batches). */
  key: string[];
  /** It has a `generated always` identity column, whose values are kept all the same. */
  identityAlways: boolean;
  /** It has triggers of its own (counts, notifications), which a copy must not fire. */
  triggers: boolean;
  /** Only these rows move (of `t`); all when absent. */
  where?: RawBuilder<unknown>;
};

export const qualified = (t: Pick<TableSpec, 'schema' | 'name'>) => `${t.schema}.${t.name}`;
export const tableId = (t: Pick<TableSpec, 'schema' | 'name'>) => sql.id(t.schema, t.name);
export const columns = (names: string[], alias?: string) =>
  sql.join(names.map((n) => (alias ? sql.id(alias, n) : sql.id(n))));

type TableRow = {
  name: string;
  shape: string[];
  stored: string[];
  key: string[] | null;
  identity_always: boolean;
  triggers: boolean;
};

/** The tables of `schema` (partitions are read through their parent), by name. */
export async function tablesIn(db: Db, schema: string): Promise<Map<string, TableSpec>> {
  const { rows } = await sql<TableRow>`
    select c.relname as name,
      json_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod) order by a.attnum) as shape,
      json_agg(a.attname order by a.attnum) filter (where a.attgenerated = '') as stored,
      (select json_agg(k.attname order by array_position(i.indkey::int2[], k.attnum))
        from pg_index i join pg_attribute k on k.attrelid = i.indrelid and k.attnum = any(i.indkey)
        where i.indrelid = c.oid and i.indisprimary) as key,
      bool_or(a.attidentity = 'a') as identity_always,
      exists (select from pg_trigger g where g.tgrelid = c.oid and not g.tgisinternal) as triggers
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where n.nspname = ${schema} and c.relkind in ('r', 'p') and not c.relispartition
    group by c.oid, c.relname`.execute(db);
  return new Map(
    rows.map((r) => {
      const spec: TableSpec = {
        schema,
        name: r.name,
        shape: r.shape,
        stored: r.stored,
        key: r.key ?? [],
        identityAlways: r.identity_always,
        triggers: r.triggers,
      };
      return [r.name, spec];
    }),
  );
}

/**
 * `tables` in an order that satisfies their foreign keys (a table after those it references),
 * from pg_constraint: a table added by a later migration finds its place without a list to keep.
 */
export async function inForeignKeyOrder(
  db: Db,
  schema: string,
  tables: TableSpec[],
): Promise<TableSpec[]> {
  const { rows } = await sql<{ child: string; parent: string }>`
    select distinct child.relname as child, parent.relname as parent
    from pg_constraint k
    join pg_class child on child.oid = k.conrelid
    join pg_class parent on parent.oid = k.confrelid
    join pg_namespace n on n.oid = child.relnamespace
    where k.contype = 'f' and n.nspname = ${schema} and parent.relnamespace = n.oid`.execute(db);
  const byName = new Map(tables.map((t) => [t.name, t]));
  const waitsFor = new Map(tables.map((t) => [t.name, new Set<string>()]));
  for (const { child, parent } of rows) {
    // A table referencing itself would need its rows in order within it: none does yet.
    if (child === parent) throw new Error(`${schema}.${child} references itself`);
    if (byName.has(parent)) waitsFor.get(child)?.add(parent);
  }
  const ordered: TableSpec[] = [];
  while (waitsFor.size > 0) {
    const ready = [...waitsFor].filter(([, parents]) => parents.size === 0).map(([n]) => n);
    if (ready.length === 0) throw new Error(`foreign keys in a cycle: ${[...waitsFor.keys()]}`);
    for (const name of ready.sort()) {
      waitsFor.delete(name);
      for (const parents of waitsFor.values()) parents.delete(name);
      ordered.push(byName.get(name) as TableSpec);
    }
  }
  return ordered;
}

/** The sequences of `schema` (those behind identity columns included), by name. */
export async function sequencesIn(db: Db, schema: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${schema} and c.relkind = 'S' order by 1`.execute(db);
  return rows.map((r) => r.name);
}
