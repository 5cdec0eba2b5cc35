import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** The statement the system's figures time: one round trip through the app's own pool. */
export const createSystemRepository = (db: Kysely<DB>) => ({
  roundTrip: () => sql`select 1`.execute(db),
});
