import {
  ACCESS_TOKEN_MAX_PER_USER,
  type AccessToken,
  type AccessTokenScope,
  type CreatedAccessToken,
} from '@taskflow/contract';
import { createTtlCache } from '../../platform/cache/ttl-cache.ts';
import { DomainError, NotFoundError } from '../../platform/errors.ts';
import { accessTokenHash, isWellFormedAccessToken, newAccessToken } from './access-token-secret.ts';
import type { AccessTokenRepository, AccessTokenRow } from './access-tokens.repository.ts';
import type { AuthRepository, Client } from './auth.repository.ts';
import type { SessionCache } from './session-cache.ts';
import { tokenSessionKey } from './session-keys.ts';
import type { AccessClaims } from './signing-keys.ts';

/** Who a request authenticated by a token comes from, and what the token allows. */
export type TokenClaims = AccessClaims & { token: { id: string; scope: AccessTokenScope } };

type Caller = { userId: string; client: Client };
type Found = NonNullable<Awaited<ReturnType<AccessTokenRepository['findByHash']>>>;

type Deps = {
  repo: AccessTokenRepository;
  audit: AuthRepository['audit'];
  sessions: SessionCache;
};

const LOOKUP_TTL_MS = 30_000;
const TOUCH_INTERVAL_MS = 60_000;
const DAY_MS = 86_400_000;

const toAccessToken = (row: AccessTokenRow): AccessToken => ({
  id: row.id,
  name: row.name,
  scope: row.scope,
  lastFour: row.last_four,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  lastUsedAt: row.last_used_at,
  lastUsedIp: row.last_used_ip,
});

/** Personal access tokens: made, listed and revoked by their owner; checked on every use. */
export function createAccessTokenService({ repo, audit, sessions }: Deps) {
  /** Tokens by hash, so a script's requests cost no lookup; revocation goes by the session cache. */
  const byHash = createTtlCache<Found>({ maxEntries: 20_000, name: 'access_tokens_by_hash' });
  /** Tokens whose last use this instance wrote within the minute. */
  const touched = createTtlCache<true>({ maxEntries: 20_000 });

  async function lookup(hash: string) {
    const cached = byHash.get(hash);
    if (cached) return cached;
    const found = await repo.findByHash(hash);
    if (!found || found.revoked_at || found.disabled_at) return undefined;
    byHash.set(hash, found, Date.now() + LOOKUP_TTL_MS);
    return found;
  }

  async function touch(id: string, ip: string | null) {
    if (touched.get(id)) return;
    touched.set(id, true, Date.now() + TOUCH_INTERVAL_MS);
    await repo.touch(id, ip);
  }

  function revoked(ids: string[]) {
    for (const id of ids) sessions.revoke(tokenSessionKey(id));
  }

  return {
    async create(
      caller: Caller,
      input: { name: string; scope: AccessTokenScope; expiresInDays: number },
    ): Promise<CreatedAccessToken> {
      if ((await repo.countLive(caller.userId)) >= ACCESS_TOKEN_MAX_PER_USER) {
        throw new DomainError('LIMIT_REACHED', {
          detail: `An account holds at most ${ACCESS_TOKEN_MAX_PER_USER} tokens: revoke one first`,
        });
      }
      const token = newAccessToken();
      const row = await repo.insert({
        userId: caller.userId,
        name: input.name,
        scope: input.scope,
        tokenHash: accessTokenHash(token),
        lastFour: token.slice(-4),
        expiresAt: new Date(Date.now() + input.expiresInDays * DAY_MS),
      });
      await audit({
        type: 'access_token.created',
        actorId: caller.userId,
        subjectId: caller.userId,
        client: caller.client,
        detail: { tokenId: row.id, scope: row.scope, expiresAt: row.expires_at },
      });
      return { ...toAccessToken(row), token };
    },

    list: async (userId: string) =>
      (await repo.listLive(userId, ACCESS_TOKEN_MAX_PER_USER)).map(toAccessToken),

    /** Another user's token answers 404, like one that does not exist. */
    async revoke(caller: Caller, id: string) {
      const done = await repo.revoke(caller.userId, id, 'revoked_by_user');
      if (!done) throw new NotFoundError('access token');
      revoked([done]);
      await audit({
        type: 'access_token.revoked',
        actorId: caller.userId,
        subjectId: caller.userId,
        client: caller.client,
        detail: { tokenId: done },
      });
    },

    /** Revokes every token of the user (a password changed or reset), with an audit row. */
    async revokeAll(userId: string, reason: string, client: Client, actorId: string | null) {
      const ids = await repo.revokeUserTokens(userId, reason);
      revoked(ids);
      if (ids.length > 0) {
        await audit({
          type: 'access_token.revoked_all',
          actorId,
          subjectId: userId,
          client,
          detail: { reason, revokedTokens: ids.length },
        });
      }
      return ids;
    },

    /**
     * The claims of a live, unexpired token of an enabled user, or null. A malformed token (the
     * checksum fails) costs no lookup; a valid one's use is recorded at most once a minute.
     */
    async authenticate(token: string, ip: string | null): Promise<TokenClaims | null> {
      if (!isWellFormedAccessToken(token)) return null;
      const found = await lookup(accessTokenHash(token));
      if (!found) return null;
      const expiresAt = new Date(found.expires_at).getTime();
      const key = tokenSessionKey(found.id);
      if (expiresAt <= Date.now() || !(await sessions.isLive(key))) return null;
      await touch(found.id, ip);
      return {
        sub: found.user_id,
        role: found.role,
        sid: key,
        exp: Math.floor(expiresAt / 1000),
        token: { id: found.id, scope: found.scope },
      };
    },
  };
}

export type AccessTokenService = ReturnType<typeof createAccessTokenService>;
