import { type Kysely, sql } from 'kysely';
import type { DB, SsoAttemptsTable } from '../../db/schema.ts';
import { insertPersonalWorkspace } from './auth.repository.ts';

type AttemptKind = SsoAttemptsTable['kind'];

/** Single sign-on's SQL: linked identities and the short-lived attempts of a sign-in. */
export function createSsoRepository(db: Kysely<DB>) {
  return {
    insertAttempt: (a: {
      tokenHash: string;
      kind: AttemptKind;
      provider: string;
      detail: Record<string, string>;
      expiresAt: Date;
    }) =>
      db
        .insertInto('sso_attempts')
        .values({
          token_hash: a.tokenHash,
          kind: a.kind,
          provider: a.provider,
          detail: JSON.stringify(a.detail),
          expires_at: a.expiresAt,
        })
        .execute(),

    /** A live attempt, left in place (a link token survives a wrong password). */
    findAttempt: (tokenHash: string, kind: AttemptKind) =>
      db
        .selectFrom('sso_attempts')
        .select(['provider', 'detail'])
        .where('token_hash', '=', tokenHash)
        .where('kind', '=', kind)
        .where('expires_at', '>', new Date().toISOString())
        .executeTakeFirst(),

    /** Removes an attempt and returns it if it was live: each is used once, by one instance. */
    takeAttempt: (tokenHash: string, kind: AttemptKind) =>
      db
        .deleteFrom('sso_attempts')
        .where('token_hash', '=', tokenHash)
        .where('kind', '=', kind)
        .where('expires_at', '>', new Date().toISOString())
        .returning(['provider', 'detail'])
        .executeTakeFirst(),

    /** Drops attempts past their expiry (each sign-in start sweeps, so the table stays small). */
    deleteExpiredAttempts: () =>
      db.deleteFrom('sso_attempts').where('expires_at', '<=', new Date().toISOString()).execute(),

    /** The account a provider's subject is linked to. */
    findLinkedUser: (provider: string, subject: string) =>
      db
        .selectFrom('sso_identities as i')
        .innerJoin('users as u', 'u.id', 'i.user_id')
        .selectAll('u')
        .select('i.id as identity_id')
        .where('i.provider', '=', provider)
        .where('i.subject', '=', subject)
        .executeTakeFirst(),

    touchIdentity: (identityId: string) =>
      db
        .updateTable('sso_identities')
        .set({ last_used_at: new Date() })
        .where('id', '=', identityId)
        .execute(),

    /** Links an identity; false when that provider's subject is already linked (to anyone). */
    linkIdentity: async (link: {
      userId: string;
      provider: string;
      subject: string;
      email: string;
    }) => {
      const row = await db
        .insertInto('sso_identities')
        .values({
          user_id: link.userId,
          provider: link.provider,
          subject: link.subject,
          email: link.email,
          last_used_at: new Date(),
        })
        .onConflict((oc) => oc.columns(['provider', 'subject']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },

    /**
     * A verified, password-less account with its personal workspace and its first identity, in
     * one transaction; undefined when the email is already taken.
     */
    insertSsoUser: (user: { email: string; name: string; provider: string; subject: string }) =>
      db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('users')
          .values({
            email: user.email,
            name: user.name,
            password_hash: null,
            email_verified_at: new Date(),
          })
          .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
          .returningAll()
          .executeTakeFirst();
        if (!row) return undefined;
        await insertPersonalWorkspace(trx, row.id);
        await trx
          .insertInto('sso_identities')
          .values({
            user_id: row.id,
            provider: user.provider,
            subject: user.subject,
            email: user.email,
            last_used_at: new Date(),
          })
          .execute();
        return row;
      }),

    listIdentities: (userId: string) =>
      db
        .selectFrom('sso_identities')
        .select(['id', 'provider', 'email', 'created_at', 'last_used_at'])
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .execute(),

    /** How the account can sign in: whether it has a password, and its linked identities. */
    signInMethods: (userId: string) =>
      db
        .selectFrom('users as u')
        .select((eb) => [
          sql<boolean>`u.password_hash is not null`.as('has_password'),
          eb
            .selectFrom('sso_identities as i')
            .select((e) => e.fn.countAll<string>().as('n'))
            .whereRef('i.user_id', '=', 'u.id')
            .as('identities'),
        ])
        .where('u.id', '=', userId)
        .executeTakeFirst(),

    /** Unlinks one of the user's identities; its provider when there was one. */
    unlinkIdentity: async (userId: string, identityId: string) => {
      const row = await db
        .deleteFrom('sso_identities')
        .where('id', '=', identityId)
        .where('user_id', '=', userId)
        .returning('provider')
        .executeTakeFirst();
      return row?.provider;
    },
  };
}

export type SsoRepository = ReturnType<typeof createSsoRepository>;
