import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { tablesIn } from './transfer/catalog.ts';
import { type Sum, sumOf } from './transfer/checksum.ts';

/** Writes every changed page to the data files (the next step copies them). */
export async function checkpoint(db: Kysely<DB>) {
  await sql`checkpoint`.execute(db);
}

/** The last migration applied to the database ('' before the first). */
export async function lastMigration(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ name: string }>`
    select name from kysely_migration order by name desc limit 1`.execute(db);
  return rows[0]?.name ?? '';
}

/**
 * Every table of TaskFlow's schema counted and summed, as the export to PostgreSQL checks them:
 * what a backup records at its snapshot and a restore checks again.
 */
export async function tableSums(db: Kysely<DB>): Promise<Record<string, Sum>> {
  const sums: Record<string, Sum> = {};
  for (const [name, table] of await tablesIn(db, 'public')) sums[name] = await sumOf(db, table);
  return sums;
}
