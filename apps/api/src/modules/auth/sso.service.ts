import type { SsoIdentity, SsoProvider } from '@taskflow/contract';
import type { Logger } from 'pino';
import { DomainError, NotFoundError } from '../../platform/errors.ts';
import type { AuthRepository, Client, UserRow } from './auth.repository.ts';
import { newToken, type SignedIn, tokenHash } from './auth.service.ts';
import type { PasswordService } from './password.ts';
import type { SsoRepository } from './sso.repository.ts';
import { type SsoChecks, type SsoClient, SsoError } from './sso-client.ts';
import type { TwoFactorService } from './two-factor.service.ts';

/** How long a browser has to come back from the provider, and to give its password to link. */
const ATTEMPT_TTL_MS = 10 * 60_000;

type Deps = {
  clients: SsoClient[];
  sso: SsoRepository;
  repo: AuthRepository;
  passwords: PasswordService;
  /** Two-factor sign-in: an account that has it on gives a code to link an identity. */
  secondFactor: Pick<TwoFactorService, 'isEnabled' | 'passCode'>;
  startSession: (
    user: UserRow,
    client: Client,
    detail: Record<string, string>,
  ) => Promise<SignedIn>;
  logger: Logger;
};

/** How a callback ended: signed in, or an existing account that must prove its password. */
type SsoOutcome = { signedIn: SignedIn } | { linkToken: string };

const expiry = () => new Date(Date.now() + ATTEMPT_TTL_MS);

/** A name for a new account: the provider's, else the address's local part. */
const nameOf = (name: string | undefined, email: string) =>
  (name?.trim() || email.split('@')[0] || email).slice(0, 100);

export function createSsoService({
  clients,
  sso,
  repo,
  passwords,
  secondFactor,
  startSession,
  logger,
}: Deps) {
  const byId = new Map(clients.map((c) => [c.provider.id, c]));

  function clientFor(id: string) {
    const client = byId.get(id);
    if (!client) throw new NotFoundError('sso provider');
    return client;
  }

  /** A refused attempt: audited and logged, then shown to the browser as a stable code. */
  async function refuse(
    error: SsoError,
    provider: string,
    client: Client,
    subjectId: string | null = null,
  ): Promise<never> {
    await repo.audit({
      type: 'sso.refused',
      subjectId,
      client,
      detail: { provider, failure: error.failure, reason: error.message.slice(0, 200) },
    });
    logger.warn(
      { provider, failure: error.failure, reason: error.message },
      'sso: sign-in refused',
    );
    throw error;
  }

  async function signInLinked(user: UserRow, identityId: string, provider: string, client: Client) {
    if (user.disabled_at) {
      return refuse(new SsoError('account_disabled'), provider, client, user.id);
    }
    await sso.touchIdentity(identityId);
    return startSession(user, client, { method: 'sso', provider });
  }

  return {
    providers: (): SsoProvider[] =>
      clients.map((c) => ({ id: c.provider.id, name: c.provider.name })),

    /** The provider's authorization URL; `browser` goes into a cookie that binds the attempt. */
    async start(id: string, redirectUri: string) {
      const client = clientFor(id);
      const { url, checks } = await client.start(redirectUri);
      const browser = newToken();
      await sso.deleteExpiredAttempts();
      await sso.insertAttempt({
        tokenHash: tokenHash(checks.state),
        kind: 'sign_in',
        provider: id,
        detail: { ...checks, browser: tokenHash(browser) },
        expiresAt: expiry(),
      });
      return { url, browser };
    },

    /**
     * The provider sent the browser back. The state must be one this server issued, to this
     * provider, in this browser (the cookie), and unused; then the code, PKCE verifier and the ID
     * token (signature, issuer, audience, expiry, nonce) are checked by the client library.
     */
    async callback(
      id: string,
      query: URLSearchParams,
      browser: string | undefined,
      client: Client,
    ): Promise<SsoOutcome> {
      const rp = clientFor(id);
      const state = query.get('state');
      const attempt = state ? await sso.takeAttempt(tokenHash(state), 'sign_in') : undefined;
      const checks = attempt?.detail as (SsoChecks & { browser: string }) | undefined;
      if (
        !attempt ||
        !checks ||
        attempt.provider !== id ||
        !browser ||
        tokenHash(browser) !== checks.browser
      ) {
        return refuse(new SsoError('state_invalid'), id, client);
      }
      const claims = await rp
        .finish(query, checks)
        .catch((error: SsoError) => refuse(error, id, client));
      const linked = await sso.findLinkedUser(id, claims.subject);
      if (linked) return { signedIn: await signInLinked(linked, linked.identity_id, id, client) };

      const email = claims.email?.trim().toLowerCase();
      if (!email || !claims.emailVerified) {
        return refuse(new SsoError('email_unverified'), id, client);
      }
      const domain = email.split('@').pop() ?? '';
      const allowed = rp.provider.allowedDomains;
      if (allowed.length > 0 && !allowed.includes(domain)) {
        return refuse(new SsoError('domain_not_allowed', domain), id, client);
      }
      const existing = await repo.findUserByEmail(email);
      if (existing) {
        // Never signed in on the provider's word alone: the account's owner proves it first.
        const linkToken = newToken();
        await sso.insertAttempt({
          tokenHash: tokenHash(linkToken),
          kind: 'link',
          provider: id,
          detail: { userId: existing.id, subject: claims.subject, email },
          expiresAt: expiry(),
        });
        return { linkToken };
      }
      const created = await sso.insertSsoUser({
        email,
        name: nameOf(claims.name, email),
        provider: id,
        subject: claims.subject,
      });
      // Taken between the two queries: the owner links with the password on a new attempt.
      if (!created) return refuse(new SsoError('state_invalid', 'email taken'), id, client);
      await repo.audit({
        type: 'sso.account_created',
        actorId: created.id,
        subjectId: created.id,
        client,
        detail: { provider: id },
      });
      return { signedIn: await startSession(created, client, { method: 'sso', provider: id }) };
    },

    /** Links the provider identity of a link token to its account, given the account's password. */
    async link(
      linkToken: string,
      password: string,
      code: string | undefined,
      client: Client,
    ): Promise<SignedIn> {
      const hash = tokenHash(linkToken);
      const attempt = await sso.findAttempt(hash, 'link');
      const user = attempt?.detail.userId
        ? await repo.findUserById(attempt.detail.userId)
        : undefined;
      if (!attempt || !user) throw new DomainError('TOKEN_INVALID');
      if (!(await passwords.verify(user.password_hash, password))) {
        await repo.audit({
          type: 'sso.link_failed',
          subjectId: user.id,
          client,
          detail: { provider: attempt.provider },
        });
        throw new DomainError('INVALID_CREDENTIALS');
      }
      if (user.disabled_at) throw new DomainError('ACCOUNT_DISABLED');
      // An account with two factors is linked with both: the provider must not become a way
      // around the second one.
      if (
        (await secondFactor.isEnabled(user.id)) &&
        !(code && (await secondFactor.passCode(user.id, code)))
      ) {
        await repo.audit({
          type: 'two_factor.failed',
          subjectId: user.id,
          client,
          detail: { where: 'sso_link', provider: attempt.provider },
        });
        throw new DomainError('TWO_FACTOR_CODE_INVALID');
      }
      if (!(await sso.takeAttempt(hash, 'link'))) throw new DomainError('TOKEN_INVALID');
      const { subject = '', email = user.email } = attempt.detail;
      const linked = await sso.linkIdentity({
        userId: user.id,
        provider: attempt.provider,
        subject,
        email,
      });
      if (!linked) throw new DomainError('CONFLICT');
      // The provider vouched for the address, and the password proved the account.
      await repo.markEmailVerified(user.id);
      await repo.audit({
        type: 'sso.linked',
        actorId: user.id,
        subjectId: user.id,
        client,
        detail: { provider: attempt.provider },
      });
      return startSession(user, client, { method: 'sso', provider: attempt.provider });
    },

    async identities(userId: string): Promise<SsoIdentity[]> {
      const rows = await sso.listIdentities(userId);
      return rows.map((r) => ({
        id: r.id,
        provider: r.provider,
        providerName: byId.get(r.provider)?.provider.name ?? r.provider,
        email: r.email,
        createdAt: r.created_at,
        lastUsedAt: r.last_used_at,
      }));
    },

    /** Unlinks an identity, unless it is the account's only way to sign in. */
    async unlink(userId: string, identityId: string, client: Client) {
      const methods = await sso.signInMethods(userId);
      const owned = (await sso.listIdentities(userId)).some((i) => i.id === identityId);
      if (!methods || !owned) throw new NotFoundError('sso identity');
      if (!methods.has_password && Number(methods.identities) <= 1) {
        throw new DomainError('LAST_SIGN_IN_METHOD');
      }
      const provider = await sso.unlinkIdentity(userId, identityId);
      if (!provider) throw new NotFoundError('sso identity');
      await repo.audit({
        type: 'sso.unlinked',
        actorId: userId,
        subjectId: userId,
        client,
        detail: { provider },
      });
    },
  };
}

export type SsoService = ReturnType<typeof createSsoService>;
