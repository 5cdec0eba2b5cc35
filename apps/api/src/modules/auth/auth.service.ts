import { createHash, randomBytes } from 'node:crypto';
import type { AuthSession, PasskeyAssertion, TwoFactorChallenge, User } from '@taskflow/contract';
import type { Logger } from 'pino';
import type { TtlCache } from '../../platform/cache/ttl-cache.ts';
import { DomainError } from '../../platform/errors.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import type { AccessTokenService } from './access-tokens.service.ts';
import type { AuthRepository, Client, TokenPurpose, UserRow } from './auth.repository.ts';
import type { PasskeyService } from './passkeys.service.ts';
import { type PasswordService, requireAcceptablePassword } from './password.ts';
import type { SessionCache } from './session-cache.ts';
import type { SigningKeys } from './signing-keys.ts';
import type { TwoFactorService } from './two-factor.service.ts';

type AuthSettings = {
  accessTtlSeconds: number;
  idleTimeoutSeconds: number;
  absoluteLifetimeSeconds: number;
  verifyEmailTtlSeconds: number;
  resetPasswordTtlSeconds: number;
  /** Where links in mails point: the web app's origin (asked per mail: it follows the request). */
  appUrl: () => string;
};

/** How long a rotated refresh token still counts as a retry of its own rotation, not a copy. */
export const REFRESH_RETRY_SECONDS = 30;

type Deps = {
  repo: AuthRepository;
  passwords: PasswordService;
  keys: SigningKeys;
  sessions: SessionCache;
  /** Profiles by user id, for `GET /me`; whoever changes a profile updates it. */
  profiles: TtlCache<User>;
  mailer: Mailer;
  logger: Logger;
  settings: AuthSettings;
  /** The address a pending email invitation was mailed to, given its token. */
  invitedEmail?: ((token: string) => Promise<string | undefined>) | undefined;
  /** A password reset revokes the account's personal access tokens. */
  tokens: Pick<AccessTokenService, 'revokeAll'>;
  /** Two-factor sign-in: a challenge after the password, passed with a code. */
  twoFactor: Pick<
    TwoFactorService,
    'isEnabled' | 'newChallenge' | 'passChallenge' | 'passChallengeWithPasskey'
  >;
  /** Passkeys: a sign-in with a passkey alone, or a passkey as the second factor. */
  passkeys: Pick<PasskeyService, 'authenticate' | 'passSecondFactor'>;
};

/** 256 random bits, URL-safe: refresh tokens and one-time links. */
export const newToken = () => randomBytes(32).toString('base64url');
/** Tokens are stored hashed: a database leak does not hand out sessions or links. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export const PROFILE_TTL_MS = 30_000;

const after = (seconds: number) => new Date(Date.now() + seconds * 1000);

/** An account as the API shows it to its owner (and, with more, to administrators). */
export function toUser(
  row: Pick<UserRow, 'id' | 'email' | 'name' | 'role' | 'email_verified_at' | 'created_at'>,
): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    emailVerified: row.email_verified_at !== null,
    createdAt: row.created_at,
  };
}

export type SignedIn = { session: AuthSession; refreshToken: string };
/** What a correct password earns: a session, or the challenge of a second factor first. */
type PasswordAccepted = SignedIn | { challenge: TwoFactorChallenge };

export function createAuthService(deps: Deps) {
  const {
    repo,
    passwords,
    keys,
    sessions,
    profiles,
    mailer,
    logger,
    settings,
    invitedEmail,
    twoFactor,
    tokens,
    passkeys,
  } = deps;

  /** Whether the sign-up answers an invitation mailed to the address it registers. */
  async function invitedAs(email: string, invitation: string | undefined) {
    if (!invitation || !invitedEmail) return false;
    return (await invitedEmail(invitation))?.toLowerCase() === email.toLowerCase();
  }

  async function issue(user: UserRow, sessionId: string, refreshToken: string): Promise<SignedIn> {
    const accessToken = await keys.sign({ sub: user.id, role: user.role, sid: sessionId });
    return {
      refreshToken,
      session: {
        accessToken,
        tokenType: 'Bearer',
        expiresIn: settings.accessTtlSeconds,
        user: toUser(user),
      },
    };
  }

  /**
   * Mails the user a link to a page of the web app that carries a new one-time token for
   * `purpose`, valid for `ttlSeconds`; only the token's hash is stored.
   */
  async function mailOneTimeLink(
    user: UserRow,
    link: { purpose: TokenPurpose; page: string; ttlSeconds: number },
    mail: (url: string) => { subject: string; text: string },
  ) {
    const token = newToken();
    await repo.insertOneTimeToken({
      tokenHash: tokenHash(token),
      userId: user.id,
      purpose: link.purpose,
      expiresAt: after(link.ttlSeconds),
    });
    await mailer.send({
      to: user.email,
      ...mail(`${settings.appUrl()}${link.page}?token=${token}`),
    });
  }

  const sendVerification = (user: UserRow) =>
    mailOneTimeLink(
      user,
      {
        purpose: 'verify_email',
        page: '/verify-email',
        ttlSeconds: settings.verifyEmailTtlSeconds,
      },
      (url) => ({
        subject: 'Verify your TaskFlow email address',
        text: `Hello ${user.name},\n\nConfirm your address to start using TaskFlow:\n${url}\n\nThe link works once, for ${Math.round(settings.verifyEmailTtlSeconds / 3600)} hours.`,
      }),
    );

  /**
   * A new session for a user who proved who they are (a password, a second factor, or single
   * sign-on), audited with how (`detail`): the refresh token goes in the cookie, the access token
   * in the body.
   */
  async function startSession(
    user: UserRow,
    client: Client,
    detail: Record<string, unknown> = {},
  ): Promise<SignedIn> {
    const refreshToken = newToken();
    const sessionId = await repo.insertSession({
      userId: user.id,
      client,
      idleExpiresAt: after(settings.idleTimeoutSeconds),
      absoluteExpiresAt: after(settings.absoluteLifetimeSeconds),
      tokenHash: tokenHash(refreshToken),
    });
    await repo.audit({
      type: 'sign_in.succeeded',
      actorId: user.id,
      subjectId: user.id,
      client,
      detail: { sessionId, ...detail },
    });
    return issue(user, sessionId, refreshToken);
  }

  async function revoke(sessionId: string, reason: string) {
    await repo.revokeSession(sessionId, reason);
    sessions.revoke(sessionId);
  }

  return {
    /**
     * Creates the account and mails a verification link. The answer is the same whether or not
     * the address already has an account (that owner gets a mail instead), and both paths hash a
     * password, so registration cannot be used to find out who has an account.
     */
    async register(
      input: { email: string; name: string; password: string; invitation?: string | undefined },
      client: Client,
    ) {
      requireAcceptablePassword(input.password, 'password');
      const passwordHash = await passwords.hash(input.password);
      const user = await repo.insertUser({ email: input.email, name: input.name, passwordHash });
      if (user) {
        await repo.audit({ type: 'user.registered', actorId: user.id, subjectId: user.id, client });
        if (await invitedAs(user.email, input.invitation)) {
          // The invitation's link reached this mailbox: that proves the address as ours would.
          await repo.markEmailVerified(user.id);
          await repo.audit({
            type: 'user.email_verified',
            actorId: user.id,
            subjectId: user.id,
            client,
            detail: { via: 'invitation' },
          });
        } else {
          await sendVerification(user);
        }
      } else {
        await mailer.send({
          to: input.email,
          subject: 'Your TaskFlow account',
          text: `Someone tried to create a TaskFlow account with this address, which already has one.\n\nIf it was you, sign in at ${settings.appUrl()}/sign-in or reset your password at ${settings.appUrl()}/forgot-password.\nIf not, you can ignore this mail.`,
        });
      }
      return { message: 'Check your inbox: we sent you a link to verify your email address.' };
    },

    async verifyEmail(token: string, client: Client) {
      const hash = tokenHash(token);
      const userId = await repo.consumeOneTimeToken(hash, 'verify_email');
      if (!userId) {
        // A link opened again (or an older one) of an address that is verified: nothing to do.
        if (await repo.tokenOwnerVerified(hash)) {
          return { message: 'Your email address is already verified. You can sign in.' };
        }
        throw new DomainError('TOKEN_INVALID');
      }
      await repo.markEmailVerified(userId);
      await repo.audit({ type: 'user.email_verified', actorId: userId, subjectId: userId, client });
      return { message: 'Your email address is verified. You can sign in.' };
    },

    /** Unknown email and wrong password fail alike, after the same amount of hashing work. */
    async signIn(
      input: { email: string; password: string },
      client: Client,
    ): Promise<PasswordAccepted> {
      const user = await repo.findUserByEmail(input.email);
      const ok = await passwords.verify(user?.password_hash ?? null, input.password);
      if (!user || !ok) {
        await repo.audit({ type: 'sign_in.failed', subjectId: user?.id ?? null, client });
        throw new DomainError('INVALID_CREDENTIALS');
      }
      if (user.disabled_at) throw new DomainError('ACCOUNT_DISABLED');
      if (!user.email_verified_at) throw new DomainError('EMAIL_NOT_VERIFIED');
      if (user.password_hash && passwords.needsRehash(user.password_hash)) {
        await repo.setPasswordHash(user.id, await passwords.hash(input.password));
      }
      if (await twoFactor.isEnabled(user.id)) {
        return { challenge: await twoFactor.newChallenge(user.id) };
      }
      return startSession(user, client, { method: 'password' });
    },

    /** The second step of a sign-in with two factors: the challenge and a code open the session. */
    async signInWithCode(challenge: string, code: string, client: Client): Promise<SignedIn> {
      const { userId, method } = await twoFactor.passChallenge(challenge, code, client);
      const user = await repo.findUserById(userId);
      if (!user) throw new DomainError('TWO_FACTOR_CHALLENGE_EXPIRED');
      if (user.disabled_at) throw new DomainError('ACCOUNT_DISABLED');
      return startSession(user, client, { method });
    },

    /**
     * A sign-in with a passkey alone: with user verification it is two factors in itself, so no
     * TOTP code is asked (decision 0035).
     */
    async signInWithPasskey(
      challengeId: string,
      credential: PasskeyAssertion,
      client: Client,
    ): Promise<SignedIn> {
      const { userId, passkeyId } = await passkeys.authenticate(challengeId, credential, client);
      const user = await repo.findUserById(userId);
      if (!user) throw new DomainError('PASSKEY_INVALID');
      if (user.disabled_at) throw new DomainError('ACCOUNT_DISABLED');
      return startSession(user, client, { method: 'passkey', passkeyId });
    },

    /** The second step of a sign-in with two factors, passed with a passkey instead of a code. */
    async signInWithPasskeyFactor(
      challenge: string,
      input: { challengeId: string; credential: PasskeyAssertion },
      client: Client,
    ): Promise<SignedIn> {
      const { userId, passkeyId } = await twoFactor.passChallengeWithPasskey(challenge, (owner) =>
        passkeys.passSecondFactor(owner, input.challengeId, input.credential, client),
      );
      const user = await repo.findUserById(userId);
      if (!user) throw new DomainError('TWO_FACTOR_CHALLENGE_EXPIRED');
      if (user.disabled_at) throw new DomainError('ACCOUNT_DISABLED');
      return startSession(user, client, { method: 'passkey_second_factor', passkeyId });
    },

    startSession,

    /**
     * Trades a refresh token for a new one and a new access token. A token rotated more than
     * `REFRESH_RETRY_SECONDS` ago means it was copied: the whole session is revoked, its
     * legitimate holder included. Within that window it is a retry whose answer never arrived (a
     * reload that aborted the request, two tabs refreshing at once) and gets a new token, which
     * replaces the one the lost answer carried.
     */
    async refresh(refreshToken: string, client: Client): Promise<SignedIn> {
      const found = await repo.findRefreshToken(tokenHash(refreshToken));
      if (!found) throw new DomainError('SESSION_EXPIRED');
      const reuse = async () => {
        await revoke(found.session_id, 'refresh_token_reuse');
        await repo.audit({
          type: 'refresh.reuse_detected',
          subjectId: found.user_id,
          client,
          detail: { sessionId: found.session_id },
        });
        logger.warn(
          { sessionId: found.session_id, userId: found.user_id },
          'security: refresh token reuse, session revoked',
        );
        return new DomainError('SESSION_EXPIRED');
      };
      const now = Date.now();
      const retrySince = new Date(now - REFRESH_RETRY_SECONDS * 1_000);
      if (found.rotated_at && new Date(found.rotated_at) < retrySince) throw await reuse();
      const expired =
        found.revoked_at !== null ||
        found.disabled_at !== null ||
        new Date(found.idle_expires_at).getTime() <= now ||
        new Date(found.absolute_expires_at).getTime() <= now;
      if (expired) throw new DomainError('SESSION_EXPIRED');

      const next = newToken();
      const rotated = await repo.rotateRefreshToken({
        oldHash: tokenHash(refreshToken),
        newHash: tokenHash(next),
        sessionId: found.session_id,
        client,
        idleExpiresAt: after(settings.idleTimeoutSeconds),
        retrySince,
      });
      if (!rotated) throw await reuse();
      const user = await repo.findUserById(found.user_id);
      if (!user) throw new DomainError('SESSION_EXPIRED');
      return issue(user, found.session_id, next);
    },

    async signOut(refreshToken: string, client: Client) {
      const found = await repo.findRefreshToken(tokenHash(refreshToken));
      if (!found || found.revoked_at) return;
      await revoke(found.session_id, 'sign_out');
      await repo.audit({
        type: 'sign_out',
        actorId: found.user_id,
        subjectId: found.user_id,
        client,
        detail: { sessionId: found.session_id },
      });
    },

    /** Mails a new verification link to an unverified account; the same answer for any address. */
    async resendVerification(email: string) {
      const user = await repo.findUserByEmail(email);
      if (user && !user.email_verified_at && !user.disabled_at) await sendVerification(user);
      return { message: 'If that address has an unverified account, a new link is on its way.' };
    },

    /** Mails a one-time reset link; the same answer whether or not the address has an account. */
    async requestPasswordReset(email: string, client: Client) {
      const user = await repo.findUserByEmail(email);
      if (user && !user.disabled_at) {
        const ttlSeconds = settings.resetPasswordTtlSeconds;
        await mailOneTimeLink(
          user,
          { purpose: 'reset_password', page: '/reset-password', ttlSeconds },
          (url) => ({
            subject: 'Reset your TaskFlow password',
            text: `Hello ${user.name},\n\nChoose a new password here:\n${url}\n\nThe link works once, for ${Math.round(ttlSeconds / 60)} minutes. If you did not ask for it, ignore this mail: your password stays as it is.`,
          }),
        );
        await repo.audit({ type: 'password.reset_requested', subjectId: user.id, client });
      }
      return { message: 'If that address has an account, a reset link is on its way.' };
    },

    /**
     * Sets a new password from a reset link, signs out every session of the account and revokes
     * its personal access tokens.
     */
    async resetPassword(token: string, newPassword: string, client: Client) {
      requireAcceptablePassword(newPassword, 'newPassword');
      const userId = await repo.consumeOneTimeToken(tokenHash(token), 'reset_password');
      if (!userId) throw new DomainError('TOKEN_INVALID');
      await repo.setPasswordHash(userId, await passwords.hash(newPassword));
      // Following the link proves the mailbox: an unverified address is now verified.
      await repo.markEmailVerified(userId);
      for (const id of await repo.revokeUserSessions(userId, 'password_reset')) sessions.revoke(id);
      await repo.audit({ type: 'password.reset', actorId: userId, subjectId: userId, client });
      await tokens.revokeAll(userId, 'password_reset', client, userId);
      return { message: 'Your password is changed. Sign in with the new one.' };
    },

    /** Served from a 30 s profile cache: the session check already ran on this request. */
    async currentUser(userId: string): Promise<User> {
      const cached = profiles.get(userId);
      if (cached) return cached;
      const row = await repo.findUserById(userId);
      if (!row) throw new DomainError('UNAUTHENTICATED');
      const user = toUser(row);
      profiles.set(userId, user, Date.now() + PROFILE_TTL_MS);
      return user;
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
