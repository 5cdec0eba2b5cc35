import { type Kysely, type Selectable, sql } from 'kysely';
import type { DB, OneTimeTokensTable, UsersTable } from '../../db/schema.ts';
import { createAccessTokenRepository } from './access-tokens.repository.ts';
import { tokenSessionKey } from './session-keys.ts';

export type UserRow = Selectable<UsersTable>;
export type TokenPurpose = OneTimeTokensTable['purpose'];
export type Client = { ip: string | null; userAgent: string | null };

/** Where a session is used from, and until when it may idle: set as it starts and at each refresh. */
type SessionUse = { client: Client; idleExpiresAt: Date };

/** The columns that record the client a request came from. */
const clientColumns = (client: Client) => ({ ip: client.ip, user_agent: client.userAgent });

/** Stores a session's refresh token (hashed), in the caller's transaction. */
const insertRefreshToken = (db: Kysely<DB>, sessionId: string, tokenHash: string) =>
  db
    .insertInto('refresh_tokens')
    .values({ token_hash: tokenHash, session_id: sessionId })
    .execute();

/**
 * Creates the personal workspace of a new user, owned by them. Runs in the caller's transaction,
 * so that a user never exists without one. It writes no event: no stream of the user can be open
 * before the account exists, and a first stream reads its memberships when it opens.
 */
export async function insertPersonalWorkspace(db: Kysely<DB>, userId: string) {
  const workspace = await db
    .insertInto('workspaces')
    .values({ name: 'Personal', personal: true, created_by: userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('workspace_members')
    .values({ workspace_id: workspace.id, user_id: userId, role: 'owner' })
    .execute();
  return workspace.id;
}

/** The only place accounts and sessions meet SQL. */
export function createAuthRepository(db: Kysely<DB>) {
  return {
    findUserByEmail: (email: string) =>
      db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst(),

    findUserById: (id: string) =>
      db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),

    /** Inserts a user with their personal workspace; undefined when the email is already taken. */
    insertUser: (user: { email: string; name: string; passwordHash: string }) =>
      db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('users')
          .values({ email: user.email, name: user.name, password_hash: user.passwordHash })
          .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
          .returningAll()
          .executeTakeFirst();
        if (row) await insertPersonalWorkspace(trx, row.id);
        return row;
      }),

    setPasswordHash: (userId: string, passwordHash: string) =>
      db
        .updateTable('users')
        .set({ password_hash: passwordHash, updated_at: new Date() })
        .where('id', '=', userId)
        .execute(),

    insertOneTimeToken: (t: {
      tokenHash: string;
      userId: string;
      purpose: TokenPurpose;
      expiresAt: Date;
    }) =>
      db
        .insertInto('one_time_tokens')
        .values({
          token_hash: t.tokenHash,
          user_id: t.userId,
          purpose: t.purpose,
          expires_at: t.expiresAt,
        })
        .execute(),

    /** Marks a live token used, once: the user id when it was live, else undefined. */
    consumeOneTimeToken: async (tokenHash: string, purpose: TokenPurpose) => {
      const row = await db
        .updateTable('one_time_tokens')
        .set({ used_at: new Date() })
        .where('token_hash', '=', tokenHash)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .where('expires_at', '>', new Date().toISOString())
        .returning('user_id')
        .executeTakeFirst();
      return row?.user_id;
    },

    /** Whether the account a verification token was made for (used or not) is verified. */
    tokenOwnerVerified: async (tokenHash: string) => {
      const row = await db
        .selectFrom('one_time_tokens as t')
        .innerJoin('users as u', 'u.id', 't.user_id')
        .select('u.email_verified_at')
        .where('t.token_hash', '=', tokenHash)
        .where('t.purpose', '=', 'verify_email')
        .executeTakeFirst();
      return row !== undefined && row.email_verified_at !== null;
    },

    markEmailVerified: (userId: string) =>
      db
        .updateTable('users')
        .set({ email_verified_at: new Date(), updated_at: new Date() })
        .where('id', '=', userId)
        .where('email_verified_at', 'is', null)
        .execute(),

    insertSession: async (
      s: SessionUse & { userId: string; absoluteExpiresAt: Date; tokenHash: string },
    ) =>
      db.transaction().execute(async (trx) => {
        const session = await trx
          .insertInto('sessions')
          .values({
            user_id: s.userId,
            ...clientColumns(s.client),
            idle_expires_at: s.idleExpiresAt,
            absolute_expires_at: s.absoluteExpiresAt,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await insertRefreshToken(trx, session.id, s.tokenHash);
        return session.id;
      }),

    findRefreshToken: (tokenHash: string) =>
      db
        .selectFrom('refresh_tokens as t')
        .innerJoin('sessions as s', 's.id', 't.session_id')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .select([
          't.rotated_at',
          's.id as session_id',
          's.revoked_at',
          's.idle_expires_at',
          's.absolute_expires_at',
          'u.id as user_id',
          'u.disabled_at',
        ])
        .where('t.token_hash', '=', tokenHash)
        .executeTakeFirst(),

    /**
     * Replaces the session's live refresh token by a new one, when `oldHash` is that live token or
     * was rotated at `retrySince` or later (its answer may have been lost on the way: a reload
     * that aborted the request, two tabs refreshing at once). The session row is locked, so
     * concurrent refreshes of one session take turns. True when this call rotated.
     */
    rotateRefreshToken: (
      r: SessionUse & { oldHash: string; newHash: string; sessionId: string; retrySince: Date },
    ) =>
      db.transaction().execute(async (trx) => {
        await trx
          .selectFrom('sessions')
          .select('id')
          .where('id', '=', r.sessionId)
          .forUpdate()
          .execute();
        const old = await trx
          .selectFrom('refresh_tokens')
          .select('rotated_at')
          .where('token_hash', '=', r.oldHash)
          .where('session_id', '=', r.sessionId)
          .executeTakeFirst();
        if (!old) return false;
        if (old.rotated_at !== null && new Date(old.rotated_at) < r.retrySince) return false;
        const now = new Date();
        await trx
          .updateTable('refresh_tokens')
          .set({ rotated_at: now })
          .where('session_id', '=', r.sessionId)
          .where('rotated_at', 'is', null)
          .execute();
        await insertRefreshToken(trx, r.sessionId, r.newHash);
        await trx
          .updateTable('sessions')
          .set({
            last_used_at: now,
            idle_expires_at: r.idleExpiresAt,
            ...clientColumns(r.client),
          })
          .where('id', '=', r.sessionId)
          .execute();
        return true;
      }),

    revokeSession: (sessionId: string, reason: string) =>
      db
        .updateTable('sessions')
        .set({ revoked_at: new Date(), revoked_reason: reason })
        .where('id', '=', sessionId)
        .where('revoked_at', 'is', null)
        .execute(),

    /** Whether a session can still be used: not revoked, not expired, user not disabled. */
    isSessionLive: async (sessionId: string) => {
      const now = new Date().toISOString();
      const row = await db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .select('s.id')
        .where('s.id', '=', sessionId)
        .where('s.revoked_at', 'is', null)
        .where('s.idle_expires_at', '>', now)
        .where('s.absolute_expires_at', '>', now)
        .where('u.disabled_at', 'is', null)
        .executeTakeFirst();
      return row !== undefined;
    },

    listLiveSessions: (userId: string) =>
      db
        .selectFrom('sessions')
        .select(['id', 'ip', 'user_agent', 'created_at', 'last_used_at'])
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .where('idle_expires_at', '>', new Date().toISOString())
        .where('absolute_expires_at', '>', new Date().toISOString())
        .orderBy('last_used_at', 'desc')
        .limit(1000)
        .execute(),

    /** Revokes the user's live sessions (all, one, or all but one); the ids revoked. */
    revokeUserSessions: async (
      userId: string,
      reason: string,
      which: { only?: string; except?: string } = {},
    ) => {
      let query = db
        .updateTable('sessions')
        .set({ revoked_at: new Date(), revoked_reason: reason })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null);
      if (which.only) query = query.where('id', '=', which.only);
      if (which.except) query = query.where('id', '!=', which.except);
      const rows = await query.returning('id').execute();
      return rows.map((r) => r.id);
    },

    updateName: (userId: string, name: string) =>
      db
        .updateTable('users')
        .set({ name, updated_at: new Date() })
        .where('id', '=', userId)
        .returningAll()
        .executeTakeFirst(),

    /** A verified admin account (from the CLI); undefined when the email is taken. */
    insertAdmin: (user: { email: string; name: string; passwordHash: string }) =>
      db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('users')
          .values({
            email: user.email,
            name: user.name,
            password_hash: user.passwordHash,
            role: 'admin',
            email_verified_at: new Date(),
          })
          .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (row) await insertPersonalWorkspace(trx, row.id);
        return row;
      }),

    audit: (e: {
      type: string;
      actorId?: string | null;
      subjectId?: string | null;
      client: Client;
      detail?: Record<string, unknown>;
    }) =>
      db
        .insertInto('audit_events')
        .values({
          type: e.type,
          actor_id: e.actorId ?? null,
          subject_id: e.subjectId ?? null,
          ...clientColumns(e.client),
          detail: JSON.stringify(e.detail ?? {}),
        })
        .execute(),
  };
}

export type AuthRepository = ReturnType<typeof createAuthRepository>;

/**
 * What other features record of accounts in their own transactions (admin changes). Revoked
 * tokens are named by their keys in the session cache, as revoked sessions are by their ids.
 */
export const createAccountRecords = (db: Kysely<DB>) => {
  const repo = createAuthRepository(db);
  const tokens = createAccessTokenRepository(db);
  return {
    revokeUserSessions: repo.revokeUserSessions,
    revokeUserTokens: async (userId: string, reason: string) =>
      (await tokens.revokeUserTokens(userId, reason)).map(tokenSessionKey),
    audit: repo.audit,
  };
};

export type AccountRecords = ReturnType<typeof createAccountRecords>;
