import { type Kysely, type Selectable, sql } from 'kysely';
import type { DB, PersonalAccessTokensTable } from '../../db/schema.ts';

export type AccessTokenRow = Selectable<PersonalAccessTokensTable>;

/** How often, at most, a token's last use is written: not on every request. */
const TOUCH_INTERVAL = sql<string>`interval '1 minute'`;

/** The only place personal access tokens meet SQL. */
export function createAccessTokenRepository(db: Kysely<DB>) {
  /** The user's tokens neither revoked nor expired. */
  const liveTokensOf = (userId: string) =>
    db
      .selectFrom('personal_access_tokens')
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', new Date().toISOString());

  return {
    insert: (t: {
      userId: string;
      name: string;
      scope: AccessTokenRow['scope'];
      tokenHash: string;
      lastFour: string;
      expiresAt: Date;
    }) =>
      db
        .insertInto('personal_access_tokens')
        .values({
          user_id: t.userId,
          name: t.name,
          scope: t.scope,
          token_hash: t.tokenHash,
          last_four: t.lastFour,
          expires_at: t.expiresAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),

    /** The user's tokens that still work, newest first. */
    listLive: (userId: string, limit: number) =>
      liveTokensOf(userId).selectAll().orderBy('created_at', 'desc').limit(limit).execute(),

    countLive: async (userId: string) => {
      const row = await liveTokensOf(userId)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** A token by its hash, with its owner's role and state; revoked or expired ones too. */
    findByHash: (tokenHash: string) =>
      db
        .selectFrom('personal_access_tokens as t')
        .innerJoin('users as u', 'u.id', 't.user_id')
        .select([
          't.id',
          't.user_id',
          't.scope',
          't.expires_at',
          't.revoked_at',
          'u.role',
          'u.disabled_at',
        ])
        .where('t.token_hash', '=', tokenHash)
        .executeTakeFirst(),

    /** Whether a token can still be used: not revoked, not expired, its user not disabled. */
    isLive: async (id: string) => {
      const row = await db
        .selectFrom('personal_access_tokens as t')
        .innerJoin('users as u', 'u.id', 't.user_id')
        .select('t.id')
        .where('t.id', '=', id)
        .where('t.revoked_at', 'is', null)
        .where('t.expires_at', '>', new Date().toISOString())
        .where('u.disabled_at', 'is', null)
        .executeTakeFirst();
      return row !== undefined;
    },

    /**
     * Records a use of the token, unless one was recorded within the last minute (by any
     * instance): true when this call wrote.
     */
    touch: async (id: string, ip: string | null) => {
      const result = await db
        .updateTable('personal_access_tokens')
        .set({ last_used_at: sql<string>`now()`, last_used_ip: ip })
        .where('id', '=', id)
        .where((eb) =>
          eb.or([
            eb('last_used_at', 'is', null),
            eb('last_used_at', '<', sql<string>`now() - ${TOUCH_INTERVAL}`),
          ]),
        )
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** Revokes one of the user's live tokens: its id, or undefined when there is none such. */
    revoke: async (userId: string, id: string, reason: string) => {
      const row = await db
        .updateTable('personal_access_tokens')
        .set({ revoked_at: new Date(), revoked_reason: reason })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      return row?.id;
    },

    /** Revokes every token of the user that is not revoked yet: their ids. */
    revokeUserTokens: async (userId: string, reason: string) => {
      const rows = await db
        .updateTable('personal_access_tokens')
        .set({ revoked_at: new Date(), revoked_reason: reason })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .returning('id')
        .execute();
      return rows.map((r) => r.id);
    },
  };
}

export type AccessTokenRepository = ReturnType<typeof createAccessTokenRepository>;
