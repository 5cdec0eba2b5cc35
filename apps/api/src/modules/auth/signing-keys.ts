import { randomUUID } from 'node:crypto';
import {
  type CryptoKey,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { createTtlCache } from '../../platform/cache/ttl-cache.ts';
import { createSigningKeysRepository } from './signing-keys.repository.ts';

const ALG = 'EdDSA';
const ISSUER = 'taskflow';
const AUDIENCE = 'taskflow-api';
const RELOAD_MS = 30_000;

export type AccessClaims = {
  sub: string;
  role: 'user' | 'admin';
  sid: string;
  /** Expiry, in seconds since the epoch (set on verified tokens). */
  exp?: number;
};

type Key = { kid: string; privateKey: CryptoKey; publicKey: CryptoKey; retiredAt: Date | null };

/**
 * Access-token signing keys, kept in the database so every instance signs and verifies with the
 * same ones. The newest unretired key signs; a retired key still verifies tokens until they have
 * all expired, which is what makes rotation seamless.
 */
export function createSigningKeys(db: Kysely<DB>, accessTtlSeconds: number) {
  const repo = createSigningKeysRepository(db);
  let keys: Key[] = [];
  let loadedAt = 0;

  async function load() {
    const rows = await repo.list();
    keys = await Promise.all(
      rows.map(async (r) => ({
        kid: r.kid,
        privateKey: (await importJWK(r.private_jwk as JWK, ALG)) as CryptoKey,
        publicKey: (await importJWK(r.public_jwk as JWK, ALG)) as CryptoKey,
        retiredAt: r.retired_at ? new Date(r.retired_at) : null,
      })),
    );
    loadedAt = Date.now();
  }

  /** Adds a signing key, retiring the previous ones (with `onlyIfNone`: only on first start). */
  async function addKey({ onlyIfNone }: { onlyIfNone: boolean }): Promise<string | null> {
    const { privateKey, publicKey } = await generateKeyPair(ALG, {
      crv: 'Ed25519',
      extractable: true,
    });
    const kid = randomUUID();
    const added = await repo.add(
      {
        kid,
        algorithm: ALG,
        privateJwk: JSON.stringify(await exportJWK(privateKey)),
        publicJwk: JSON.stringify(await exportJWK(publicKey)),
      },
      { onlyIfNone },
    );
    await load();
    return added ? kid : null;
  }

  /** Adds a new signing key and retires the previous ones; its kid. */
  async function rotate(): Promise<string> {
    const kid = await addKey({ onlyIfNone: false });
    if (!kid) throw new Error('signing key rotation added no key');
    return kid;
  }

  /** Loads the keys, creating the first one on a new database. */
  async function init() {
    await load();
    if (!keys.some((k) => k.retiredAt === null)) await addKey({ onlyIfNone: true });
  }

  // Loaded on first use, not at startup: the API starts (and answers /ready) while the database
  // is still unreachable or unmigrated; a failed load is retried by the next caller.
  let ready: Promise<void> | null = null;
  // Another instance may rotate at any time: reload well within the verification grace, so this
  // one stops signing with a retired key before the others stop accepting it.
  const loaded = async () => {
    ready ??= init().catch((error: unknown) => {
      ready = null;
      throw error;
    });
    await ready;
    if (Date.now() - loadedAt > RELOAD_MS) await load();
  };

  function usable(key: Key) {
    // A retired key verifies for one token lifetime after retirement, plus clock slack.
    return (
      key.retiredAt === null ||
      Date.now() - key.retiredAt.getTime() < (accessTtlSeconds + 60) * 1000
    );
  }

  async function sign(claims: AccessClaims): Promise<string> {
    await loaded();
    const key = keys.find((k) => k.retiredAt === null);
    if (!key) throw new Error('no signing key');
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ role: claims.role, sid: claims.sid })
      .setProtectedHeader({ alg: ALG, kid: key.kid, typ: 'at+jwt' })
      .setSubject(claims.sub)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + accessTtlSeconds)
      .sign(key.privateKey);
  }

  /** Verifies a token; null when it is not one of ours, expired, or malformed. */
  // A token verified once is valid until its exp (its key outlives it: see `usable`), so the
  // signature is checked once per token rather than once per request.
  const verified = createTtlCache<{ claims: AccessClaims; kid: string }>({
    maxEntries: 20_000,
    name: 'access_tokens',
  });

  async function verify(token: string): Promise<AccessClaims | null> {
    const known = verified.get(token);
    // The key may have been retired since, for longer than its grace.
    const key = known && keys.find((k) => k.kid === known.kid);
    if (known && key && usable(key)) return known.claims;
    await loaded();
    try {
      const { payload, protectedHeader } = await jwtVerify(
        token,
        async (header) => {
          let key = keys.find((k) => k.kid === header.kid);
          // Another instance may have rotated: reload, at most once a second.
          if (!key && Date.now() - loadedAt > 1000) {
            await load();
            key = keys.find((k) => k.kid === header.kid);
          }
          if (!key || !usable(key)) throw new Error('unknown key');
          return key.publicKey;
        },
        { algorithms: [ALG], issuer: ISSUER, audience: AUDIENCE, typ: 'at+jwt' },
      );
      const claims = claimsOf(payload);
      if (claims && typeof payload.exp === 'number' && protectedHeader.kid) {
        verified.set(token, { claims, kid: protectedHeader.kid }, payload.exp * 1000);
      }
      return claims;
    } catch {
      return null;
    }
  }

  /**
   * A signed link's token: `claims` for `ttlSeconds` (at most one access-token lifetime, which
   * a retired key still verifies for), for one purpose (`aud`) other than API access.
   */
  async function signLink(
    purpose: string,
    claims: Record<string, string>,
    ttlSeconds: number,
  ): Promise<{ token: string; expiresAt: Date }> {
    await loaded();
    const key = keys.find((k) => k.retiredAt === null);
    if (!key) throw new Error('no signing key');
    const now = Math.floor(Date.now() / 1000);
    const exp = now + Math.min(ttlSeconds, accessTtlSeconds);
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: ALG, kid: key.kid })
      .setIssuer(ISSUER)
      .setAudience(`${ISSUER}-${purpose}`)
      .setExpirationTime(exp)
      .sign(key.privateKey);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /** A link's claims; 'expired' once its time is up; null if it is not ours, or not for `purpose`. */
  async function verifyLink(
    purpose: string,
    token: string,
  ): Promise<Record<string, unknown> | 'expired' | null> {
    await loaded();
    try {
      const { payload } = await jwtVerify(
        token,
        (header) => {
          const key = keys.find((k) => k.kid === header.kid);
          if (!key || !usable(key)) throw new Error('unknown key');
          return key.publicKey;
        },
        { algorithms: [ALG], issuer: ISSUER, audience: `${ISSUER}-${purpose}` },
      );
      return payload;
    } catch (error) {
      return (error as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'expired' : null;
    }
  }

  return { rotate, sign, verify, signLink, verifyLink };
}

function claimsOf(payload: JWTPayload): AccessClaims | null {
  const { sub, role, sid, exp } = payload;
  if (typeof sub !== 'string' || typeof sid !== 'string') return null;
  if (role !== 'user' && role !== 'admin') return null;
  return typeof exp === 'number' ? { sub, role, sid, exp } : { sub, role, sid };
}

export type SigningKeys = ReturnType<typeof createSigningKeys>;
