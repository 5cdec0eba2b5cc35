import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { deleteCreatedBefore } from '../db/retention.ts';

export type StoredResponse = {
  status: number;
  headers: Record<string, string>;
  body: string | null;
};

/** A request holding a key: the user, the key, and the request's own owner token. */
export type Claim = { userId: string; key: string; owner: string };

const olderThan = (ms: number) => sql<string>`now() - make_interval(secs => ${ms / 1000})`;

/** The `idempotency_keys` table: one row per user and key. */
export function createIdempotencyRepository(db: Kysely<DB>) {
  const ofClaim = (claim: Claim) =>
    db
      .updateTable('idempotency_keys')
      .where('user_id', '=', claim.userId)
      .where('key', '=', claim.key)
      .where('owner', '=', claim.owner);

  return {
    /** Takes the key for a first request; false when it is already known. */
    async claim(claim: Claim, fingerprint: string): Promise<boolean> {
      const rows = await db
        .insertInto('idempotency_keys')
        .values({ user_id: claim.userId, key: claim.key, owner: claim.owner, fingerprint })
        .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
        .returning('key')
        .execute();
      return rows.length === 1;
    },

    find: (userId: string, key: string) =>
      db
        .selectFrom('idempotency_keys')
        .where('user_id', '=', userId)
        .where('key', '=', key)
        .select([
          'fingerprint',
          'committed',
          'status',
          'response_headers',
          'response_body',
          sql<number>`extract(epoch from now() - locked_at) * 1000`.as('locked_ms'),
        ])
        .executeTakeFirst(),

    /**
     * Takes over a key whose owner stopped renewing it without committing (its process died):
     * true when `claim` now owns it.
     */
    async takeOver(claim: Claim, leaseMs: number): Promise<boolean> {
      const rows = await db
        .updateTable('idempotency_keys')
        .set({ owner: claim.owner, locked_at: sql`now()` })
        .where('user_id', '=', claim.userId)
        .where('key', '=', claim.key)
        .where('committed', '=', false)
        .where('status', 'is', null)
        .where('locked_at', '<', olderThan(leaseMs))
        .returning('key')
        .execute();
      return rows.length === 1;
    },

    /** The owner is still running. */
    async renew(claim: Claim) {
      await ofClaim(claim).set({ locked_at: sql`now()` }).where('status', 'is', null).execute();
    },

    /**
     * In the request's write transaction: the write and this mark commit together. False when
     * the key is no longer this request's (another took it over): the write must not commit.
     */
    async markCommitted(trx: Transaction<DB>, claim: Claim): Promise<boolean> {
      const rows = await trx
        .updateTable('idempotency_keys')
        .set({ committed: true })
        .where('user_id', '=', claim.userId)
        .where('key', '=', claim.key)
        .where('owner', '=', claim.owner)
        .returning('key')
        .execute();
      return rows.length === 1;
    },

    async complete(claim: Claim, response: StoredResponse) {
      await ofClaim(claim)
        .set({
          status: response.status,
          response_headers: JSON.stringify(response.headers),
          response_body: response.body,
        })
        .execute();
    },

    /** A request that failed before writing anything: the key may be used again. */
    async release(claim: Claim) {
      await db
        .deleteFrom('idempotency_keys')
        .where('user_id', '=', claim.userId)
        .where('key', '=', claim.key)
        .where('owner', '=', claim.owner)
        .where('committed', '=', false)
        .execute();
    },

    /** Keys older than `before` (their 24 hours are over). */
    purge(before: Date): Promise<number> {
      return deleteCreatedBefore(db, 'idempotency_keys', before);
    },
  };
}

export type IdempotencyRepository = ReturnType<typeof createIdempotencyRepository>;
