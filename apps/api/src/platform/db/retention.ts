import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** The tables whose rows are kept for a time after `created_at`. */
type KeptForATime = 'idempotency_keys' | 'job_effects';

/** Deletes the rows of `table` created before `before`; how many it deleted. */
export async function deleteCreatedBefore(db: Kysely<DB>, table: KeptForATime, before: Date) {
  const result = await db
    .deleteFrom(table)
    .where('created_at', '<', before.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
