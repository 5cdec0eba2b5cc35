import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

const REQUIRE_ADMIN_KEY = 'require_two_factor_for_admins';

/** Two-factor sign-in's SQL: secrets, recovery codes, challenges, and the admins' requirement. */
export function createTwoFactorRepository(db: Kysely<DB>) {
  return {
    find: (userId: string) =>
      db.selectFrom('user_two_factor').selectAll().where('user_id', '=', userId).executeTakeFirst(),

    /** Whether two-factor sign-in is on for the user. */
    isEnabled: async (userId: string) => {
      const row = await db
        .selectFrom('user_two_factor')
        .select('user_id')
        .where('user_id', '=', userId)
        .where('confirmed_at', 'is not', null)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** A new, unconfirmed secret; replaces an earlier unconfirmed one, never a confirmed one. */
    savePending: async (userId: string, secret: string) => {
      const row = await db
        .insertInto('user_two_factor')
        .values({ user_id: userId, secret })
        .onConflict((oc) =>
          oc
            .column('user_id')
            .doUpdateSet({ secret, created_at: new Date(), last_used_step: null })
            .where('user_two_factor.confirmed_at', 'is', null),
        )
        .returning('user_id')
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Turns it on with the step of the confirming code and a fresh set of recovery codes. */
    confirm: (userId: string, step: number, codeHashes: string[]) =>
      db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('user_two_factor')
          .set({ confirmed_at: new Date(), last_used_step: step })
          .where('user_id', '=', userId)
          .where('confirmed_at', 'is', null)
          .returning('user_id')
          .executeTakeFirst();
        if (!row) return false;
        await trx.deleteFrom('two_factor_recovery_codes').where('user_id', '=', userId).execute();
        await trx
          .insertInto('two_factor_recovery_codes')
          .values(codeHashes.map((code_hash) => ({ user_id: userId, code_hash })))
          .execute();
        return true;
      }),

    /** Records the step of a code just used; false when it (or a later one) was used already. */
    useStep: async (userId: string, step: number) => {
      const rows = await db
        .updateTable('user_two_factor')
        .set({ last_used_step: step })
        .where('user_id', '=', userId)
        .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]))
        .executeTakeFirst();
      return rows.numUpdatedRows > 0n;
    },

    /** The hashes of the user's recovery codes not used yet. */
    unusedRecoveryCodes: async (userId: string) => {
      const rows = await db
        .selectFrom('two_factor_recovery_codes')
        .select('code_hash')
        .where('user_id', '=', userId)
        .where('used_at', 'is', null)
        .execute();
      return rows.map((r) => r.code_hash);
    },

    /** Marks an unused recovery code used, once: true when this call did. */
    useRecoveryCode: async (userId: string, codeHash: string) => {
      const row = await db
        .updateTable('two_factor_recovery_codes')
        .set({ used_at: new Date() })
        .where('user_id', '=', userId)
        .where('code_hash', '=', codeHash)
        .where('used_at', 'is', null)
        .returning('code_hash')
        .executeTakeFirst();
      return row !== undefined;
    },

    recoveryCodesLeft: async (userId: string) => {
      const row = await db
        .selectFrom('two_factor_recovery_codes')
        .select((eb) => eb.fn.countAll<number>().as('left'))
        .where('user_id', '=', userId)
        .where('used_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.left);
    },

    replaceRecoveryCodes: (userId: string, codeHashes: string[]) =>
      db.transaction().execute(async (trx) => {
        await trx.deleteFrom('two_factor_recovery_codes').where('user_id', '=', userId).execute();
        await trx
          .insertInto('two_factor_recovery_codes')
          .values(codeHashes.map((code_hash) => ({ user_id: userId, code_hash })))
          .execute();
      }),

    /** Turns it off: the secret and the recovery codes go. */
    remove: (userId: string) =>
      db.transaction().execute(async (trx) => {
        await trx.deleteFrom('two_factor_recovery_codes').where('user_id', '=', userId).execute();
        await trx.deleteFrom('user_two_factor').where('user_id', '=', userId).execute();
      }),

    insertChallenge: (c: { tokenHash: string; userId: string; expiresAt: Date }) =>
      db
        .insertInto('two_factor_challenges')
        .values({ token_hash: c.tokenHash, user_id: c.userId, expires_at: c.expiresAt })
        .execute(),

    /** A challenge not used, not expired and not worn out by `maxFailures` wrong codes. */
    findLiveChallenge: (tokenHash: string, maxFailures: number) =>
      db
        .selectFrom('two_factor_challenges')
        .select(['user_id', 'failed_attempts'])
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', new Date().toISOString())
        .where('failed_attempts', '<', maxFailures)
        .executeTakeFirst(),

    /** Counts a wrong code against the challenge. */
    failChallenge: (tokenHash: string) =>
      db
        .updateTable('two_factor_challenges')
        .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
        .where('token_hash', '=', tokenHash)
        .execute(),

    /** Uses the challenge up, once: true when this call did. */
    useChallenge: async (tokenHash: string) => {
      const row = await db
        .updateTable('two_factor_challenges')
        .set({ used_at: new Date() })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .returning('user_id')
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Drops challenges that expired before `before` (they are worthless then). */
    deleteExpiredChallenges: (before: Date) =>
      db
        .deleteFrom('two_factor_challenges')
        .where('expires_at', '<', before.toISOString())
        .execute(),

    requiredForAdmins: async () => {
      const row = await db
        .selectFrom('app_settings')
        .select('value')
        .where('key', '=', REQUIRE_ADMIN_KEY)
        .executeTakeFirst();
      return row?.value === true;
    },

    setRequiredForAdmins: (required: boolean, by: string) =>
      db
        .insertInto('app_settings')
        .values({ key: REQUIRE_ADMIN_KEY, value: JSON.stringify(required), updated_by: by })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            value: JSON.stringify(required),
            updated_by: by,
            updated_at: new Date(),
          }),
        )
        .execute(),

    /**
     * Whether the user is an administrator refused for lack of two-factor sign-in: one query,
     * run on operator routes only.
     */
    adminLacksTwoFactor: async (userId: string) => {
      const row = await sql<{ lacks: boolean }>`
        select (
          coalesce((select value = 'true'::jsonb from app_settings where key = ${REQUIRE_ADMIN_KEY}), false)
          and not exists (
            select 1 from user_two_factor where user_id = ${userId} and confirmed_at is not null
          )
        ) as lacks`.execute(db);
      return row.rows[0]?.lacks === true;
    },
  };
}

export type TwoFactorRepository = ReturnType<typeof createTwoFactorRepository>;
