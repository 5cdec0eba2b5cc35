import type { User } from '@taskflow/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import { createTtlCache } from '../../platform/cache/ttl-cache.ts';
import type { Listen } from '../../platform/db/listen.ts';
import { keyedLimit } from '../../platform/http/security.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { createAccessTokenRepository } from './access-tokens.repository.ts';
import { accessTokenRoutes } from './access-tokens.routes.ts';
import { createAccessTokenService } from './access-tokens.service.ts';
import { accountRoutes } from './account.routes.ts';
import { createAccountService } from './account.service.ts';
import { createGuards } from './auth.guards.ts';
import { createAuthRepository } from './auth.repository.ts';
import { authRoutes } from './auth.routes.ts';
import { createAuthService } from './auth.service.ts';
import { relyingPartyOf } from './passkey-relying-party.ts';
import { createPasskeyRepository } from './passkeys.repository.ts';
import { createPasskeyService } from './passkeys.service.ts';
import { createPasswordService } from './password.ts';
import { followRevocations } from './revocations.ts';
import { createSessionCache } from './session-cache.ts';
import { sessionOrTokenLive } from './session-keys.ts';
import { createSigningKeys } from './signing-keys.ts';
import { createSsoRepository } from './sso.repository.ts';
import { ssoRoutes } from './sso.routes.ts';
import { createSsoService } from './sso.service.ts';
import { createSsoClient } from './sso-client.ts';
import { createTwoFactorRepository } from './two-factor.repository.ts';
import { createTwoFactorService } from './two-factor.service.ts';
import { secretBox } from './two-factor-codes.ts';

type Deps = {
  db: Kysely<DB>;
  listen: Listen;
  mailer: Mailer;
  logger: Logger;
  config: Config;
  /** Where links in mails point, for the request being handled. */
  appUrl: () => string;
  /** For sign-up from an invitation: the address a pending email invitation was mailed to. */
  invitedEmail?: (token: string) => Promise<string | undefined>;
};

/**
 * Accounts and sessions: sign-up, sign-in, tokens, the caller's own account. `guards` protect
 * other features' routes; `forget` drops what this process holds of a user whose account an
 * administrator changed.
 */
export function createAuthModule({
  db,
  listen,
  mailer,
  logger,
  config,
  appUrl,
  invitedEmail,
}: Deps) {
  const repo = createAuthRepository(db);
  const keys = createSigningKeys(db, config.auth.accessTtlSeconds);
  const tokenRepo = createAccessTokenRepository(db);
  const sessions = createSessionCache(sessionOrTokenLive(repo.isSessionLive, tokenRepo.isLive));
  const tokens = createAccessTokenService({ repo: tokenRepo, audit: repo.audit, sessions });
  // Set once the routes are registered: the limiter needs the app's rate-limit store.
  let limitToken = async (_request: FastifyRequest) => {};
  const passwords = createPasswordService();
  const passkeyRepo = createPasskeyRepository(db);
  const passkeys = createPasskeyService({
    repo: passkeyRepo,
    accounts: repo,
    passwords,
    relyingParty: relyingPartyOf(appUrl),
    logger,
  });
  const twoFactor = createTwoFactorService({
    repo: createTwoFactorRepository(db),
    accounts: repo,
    passwords,
    box: secretBox(config.auth.twoFactorKey),
    hasPasskey: passkeyRepo.hasAny,
  });
  const guards = createGuards(
    keys,
    sessions,
    config.http.corsOrigins,
    { authenticate: tokens.authenticate, limit: (request) => limitToken(request) },
    twoFactor.adminLacksTwoFactor,
  );
  const profiles = createTtlCache<User>({ name: 'profiles' });
  const service = createAuthService({
    repo,
    passwords,
    keys,
    sessions,
    profiles,
    mailer,
    logger,
    settings: { ...config.auth, appUrl },
    invitedEmail,
    tokens,
    twoFactor,
    passkeys,
  });
  const cookie = {
    name: config.auth.secureCookies ? '__Secure-taskflow_refresh' : 'taskflow_refresh',
    secure: config.auth.secureCookies,
    maxAgeSeconds: config.auth.absoluteLifetimeSeconds,
  };
  const account = createAccountService({ repo, passwords, sessions, profiles, tokens });
  const sso = createSsoService({
    clients: config.sso.providers.map(createSsoClient),
    sso: createSsoRepository(db),
    repo,
    passwords,
    secondFactor: twoFactor,
    startSession: service.startSession,
    logger,
  });

  async function routes(app: FastifyInstance) {
    let unlisten: (() => Promise<void>) | undefined;
    app.addHook('onReady', async () => {
      unlisten = await followRevocations({ listen, sessions, profiles, logger });
    });
    app.addHook('onClose', async () => unlisten?.());
    await app.register(authRoutes, {
      service,
      twoFactor,
      passkeys,
      guards,
      cookie,
      limits: config.auth.rateLimits,
    });
    await app.register(accountRoutes, { auth: service, account, guards });
    const { accessTokens: limits } = config.auth.rateLimits;
    // Per token, as the global limit is per client address: a script cannot exhaust its owner's.
    limitToken = keyedLimit(app, limits.use, (request) => `access-token:${request.auth?.sid}`);
    await app.register(accessTokenRoutes, { tokens, guards, createLimit: limits.create });
    await app.register(ssoRoutes, { sso, guards, cookie, limits: config.auth.rateLimits, appUrl });
  }

  return {
    guards,
    routes,
    sessions,
    /** Signed, short-lived links (file downloads): signed with the access-token keys. */
    links: { sign: keys.signLink, verify: keys.verifyLink },
    forget(userId: string, revokedSessions: string[]) {
      profiles.delete(userId);
      for (const id of revokedSessions) sessions.revoke(id);
    },
  };
}
