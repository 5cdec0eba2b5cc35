import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** The signing keys' statements: the only place they meet SQL. */
export function createSigningKeysRepository(db: Kysely<DB>) {
  return {
    /** Every key, newest first. */
    list: () => db.selectFrom('signing_keys').selectAll().orderBy('created_at', 'desc').execute(),

    /**
     * Adds a key and retires the ones in use, in one transaction under an advisory lock, so
     * instances starting together agree on one. With `onlyIfNone`, adds it only when no key is in
     * use (first start). Whether it was added.
     */
    add: (
      key: { kid: string; algorithm: string; privateJwk: string; publicJwk: string },
      { onlyIfNone }: { onlyIfNone: boolean },
    ) =>
      db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtext('taskflow.signing_keys'))`.execute(trx);
        const current = await trx
          .selectFrom('signing_keys')
          .select('kid')
          .where('retired_at', 'is', null)
          .executeTakeFirst();
        if (current && onlyIfNone) return false;
        await trx
          .updateTable('signing_keys')
          .set({ retired_at: new Date() })
          .where('retired_at', 'is', null)
          .execute();
        await trx
          .insertInto('signing_keys')
          .values({
            kid: key.kid,
            algorithm: key.algorithm,
            private_jwk: key.privateJwk,
            public_jwk: key.publicJwk,
          })
          .execute();
        return true;
      }),
  };
}
