import type { Kysely } from 'kysely';
import type { DB, PasskeysTable } from '../../db/schema.ts';

type Purpose = 'register' | 'sign_in' | 'second_factor';

type NewPasskey = {
  userId: string;
  credentialId: string;
  publicKey: Uint8Array;
  counter: number;
  transports: string[];
  deviceType: PasskeysTable['device_type'];
  backedUp: boolean;
  name: string;
};

const listed = ['id', 'name', 'device_type', 'backed_up', 'created_at', 'last_used_at'] as const;

/** Passkeys' SQL: the credentials of each account, and the challenges of the ceremonies. */
export function createPasskeyRepository(db: Kysely<DB>) {
  return {
    list: (userId: string) =>
      db
        .selectFrom('passkeys')
        .select(listed)
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),

    /** The credential ids of the user's passkeys (what the browser is told to use or skip). */
    credentialsOf: (userId: string) =>
      db
        .selectFrom('passkeys')
        .select(['credential_id', 'transports'])
        .where('user_id', '=', userId)
        .execute(),

    hasAny: async (userId: string) => {
      const row = await db
        .selectFrom('passkeys')
        .select('id')
        .where('user_id', '=', userId)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    count: async (userId: string) => {
      const row = await db
        .selectFrom('passkeys')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    findByCredentialId: (credentialId: string) =>
      db
        .selectFrom('passkeys')
        .selectAll()
        .where('credential_id', '=', credentialId)
        .executeTakeFirst(),

    /** A new passkey; undefined when the credential is registered already (to anyone). */
    insert: (p: NewPasskey) =>
      db
        .insertInto('passkeys')
        .values({
          user_id: p.userId,
          credential_id: p.credentialId,
          public_key: p.publicKey,
          counter: p.counter,
          transports: p.transports,
          device_type: p.deviceType,
          backed_up: p.backedUp,
          name: p.name,
        })
        .onConflict((oc) => oc.column('credential_id').doNothing())
        .returning(listed)
        .executeTakeFirst(),

    /** Renames one of the user's passkeys; undefined when the user has no such passkey. */
    rename: (userId: string, id: string, name: string) =>
      db
        .updateTable('passkeys')
        .set({ name })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .returning(listed)
        .executeTakeFirst(),

    /** Removes one of the user's passkeys; its name, or undefined when there was none. */
    remove: async (userId: string, id: string) => {
      const row = await db
        .deleteFrom('passkeys')
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .returning('name')
        .executeTakeFirst();
      return row?.name;
    },

    /**
     * Records a sign-in: the new counter, only if it still is the one the check was made against
     * (two sign-ins racing with one counter value: one of them loses).
     */
    recordUse: async (id: string, expected: number, counter: number, backedUp: boolean) => {
      const row = await db
        .updateTable('passkeys')
        .set({ counter, backed_up: backedUp, last_used_at: new Date() })
        .where('id', '=', id)
        .where('counter', '=', expected)
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },

    insertChallenge: async (c: {
      challengeHash: string;
      purpose: Purpose;
      userId: string | null;
      expiresAt: Date;
    }) => {
      const row = await db
        .insertInto('webauthn_challenges')
        .values({
          challenge_hash: c.challengeHash,
          purpose: c.purpose,
          user_id: c.userId,
          expires_at: c.expiresAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /**
     * Uses a live challenge of `purpose` up, once: its hash and user, or undefined when it is
     * unknown, expired, of another purpose or used already.
     */
    useChallenge: (id: string, purpose: Purpose) =>
      db
        .updateTable('webauthn_challenges')
        .set({ used_at: new Date() })
        .where('id', '=', id)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .where('expires_at', '>', new Date().toISOString())
        .returning(['challenge_hash', 'user_id'])
        .executeTakeFirst(),

    /** Drops challenges that expired before `before` (they are worthless then). */
    deleteExpiredChallenges: (before: Date) =>
      db.deleteFrom('webauthn_challenges').where('expires_at', '<', before.toISOString()).execute(),
  };
}

export type PasskeyRepository = ReturnType<typeof createPasskeyRepository>;
