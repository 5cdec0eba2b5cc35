import {
  type CryptoKey,
  decodeJwt,
  decodeProtectedHeader,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  SignJWT,
} from 'jose';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../platform/db/database.ts';
import { createMigratedTestDatabase } from '../../test/database.ts';
import { type AccessClaims, createSigningKeys } from './signing-keys.ts';

const TTL = 900;
/** How long a retired key keeps verifying: one token lifetime plus 60 s of clock slack. */
const GRACE_MS = (TTL + 60) * 1000;
/** A whole second, so that iat/exp (whole seconds) and the fake clock line up exactly. */
const T0 = Date.UTC(2030, 0, 1, 12, 0, 0);
const claims: AccessClaims = { sub: 'user-1', role: 'user', sid: 'session-1' };
/** What verify returns: the claims, with the token's expiry. */
const verified = (c: AccessClaims) => ({ ...c, exp: expect.any(Number) });

let database: Database;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
});
afterAll(async () => {
  await database.close();
});

beforeEach(async () => {
  await database.db.deleteFrom('signing_keys').execute();
  // Only Date is faked: jose reads it for iat/exp, the module for key retirement. Timers stay
  // real so that the database drivers keep working.
  vi.useFakeTimers({ toFake: ['Date'], now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Moves the (frozen) clock to T0 + ms. */
const at = (ms: number) => vi.setSystemTime(T0 + ms);

const keyRows = () =>
  database.db.selectFrom('signing_keys').selectAll().orderBy('created_at', 'asc').execute();

async function privateKeyOf(kid: string) {
  const row = await database.db
    .selectFrom('signing_keys')
    .select('private_jwk')
    .where('kid', '=', kid)
    .executeTakeFirstOrThrow();
  return (await importJWK(row.private_jwk as JWK, 'EdDSA')) as CryptoKey;
}

/** A token built by hand, as an attacker (or a misconfigured issuer) would. */
function forge(
  key: CryptoKey,
  {
    kid,
    payload = { role: claims.role, sid: claims.sid },
    iss = 'taskflow',
    aud = 'taskflow-api',
    typ = 'at+jwt',
  }: { kid: string; payload?: JWTPayload; iss?: string; aud?: string; typ?: string },
) {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'EdDSA', kid, typ })
    .setSubject(claims.sub)
    .setIssuer(iss)
    .setAudience(aud)
    .setIssuedAt()
    .setExpirationTime(`${TTL}s`)
    .sign(key);
}

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const kidOf = (token: string) => decodeProtectedHeader(token).kid;

describe('sign and verify', () => {
  it('round-trips exactly the access claims', async () => {
    const keys = createSigningKeys(database.db, TTL);
    expect(await keys.verify(await keys.sign(claims))).toStrictEqual(verified(claims));
    const admin: AccessClaims = { sub: 'user-2', role: 'admin', sid: 'session-2' };
    expect(await keys.verify(await keys.sign(admin))).toStrictEqual(verified(admin));
  });

  it('issues an EdDSA at+jwt whose kid is the key in signing_keys', async () => {
    const keys = createSigningKeys(database.db, TTL);
    const token = await keys.sign(claims);
    const rows = await keyRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ algorithm: 'EdDSA', retired_at: null });
    expect(decodeProtectedHeader(token)).toStrictEqual({
      alg: 'EdDSA',
      typ: 'at+jwt',
      kid: rows[0]?.kid,
    });
  });

  it('carries only sub, role, sid, iss, aud, iat and exp, with exp − iat = the TTL', async () => {
    const keys = createSigningKeys(database.db, TTL);
    const payload = decodeJwt(await keys.sign(claims));
    expect(payload).toStrictEqual({
      sub: claims.sub,
      role: claims.role,
      sid: claims.sid,
      iss: 'taskflow',
      aud: 'taskflow-api',
      iat: T0 / 1000,
      exp: T0 / 1000 + TTL,
    });
    expect(Object.keys(payload).sort()).toStrictEqual(
      ['aud', 'exp', 'iat', 'iss', 'role', 'sid', 'sub'].sort(),
    );
  });

  it('uses the configured TTL', async () => {
    const keys = createSigningKeys(database.db, 60);
    const { iat, exp } = decodeJwt(await keys.sign(claims));
    expect(iat).toBe(T0 / 1000);
    expect(exp).toBe(T0 / 1000 + 60);
  });
});

describe('rejects what it did not issue', () => {
  it('a token whose payload was changed (signature kept)', async () => {
    const keys = createSigningKeys(database.db, TTL);
    const token = await keys.sign(claims);
    const [header, payload, signature] = token.split('.');
    const escalated = b64url({ ...decodeJwt(token), role: 'admin' });
    expect(await keys.verify(`${header}.${payload}.${signature}`)).toStrictEqual(verified(claims));
    expect(await keys.verify(`${header}.${escalated}.${signature}`)).toBeNull();
    const otherSession = b64url({ ...decodeJwt(token), sid: 'session-2' });
    expect(await keys.verify(`${header}.${otherSession}.${signature}`)).toBeNull();
  });

  it('a token signed by a foreign Ed25519 key with our kid', async () => {
    const keys = createSigningKeys(database.db, TTL);
    const kid = kidOf(await keys.sign(claims)) ?? '';
    // The same construction with our own private key is accepted: only the key differs.
    expect(await keys.verify(await forge(await privateKeyOf(kid), { kid }))).toStrictEqual(
      verified(claims),
    );
    const foreign = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    expect(await keys.verify(await forge(foreign.privateKey, { kid }))).toBeNull();
  });

  it("a token with alg 'none'", async () => {
    const keys = createSigningKeys(database.db, TTL);
    const token = await keys.sign(claims);
    const [, payload, signature] = token.split('.');
    const none = b64url({ alg: 'none', typ: 'at+jwt', kid: kidOf(token) });
    expect(await keys.verify(`${none}.${payload}.`)).toBeNull();
    expect(await keys.verify(`${none}.${payload}.${signature}`)).toBeNull();
  });

  it('an expired token (and not a second early)', async () => {
    const keys = createSigningKeys(database.db, TTL);
    const token = await keys.sign(claims);
    at(TTL * 1000 - 1000);
    expect(await keys.verify(token)).toStrictEqual(verified(claims));
    at(TTL * 1000);
    expect(await keys.verify(token)).toBeNull();
  });

  it('an expired token of a short-lived instance', async () => {
    const keys = createSigningKeys(database.db, 1);
    const token = await keys.sign(claims);
    expect(await keys.verify(token)).toStrictEqual(verified(claims));
    at(2000);
    expect(await keys.verify(token)).toBeNull();
  });

  it('a token for another issuer, audience or type, or with claims that are not ours', async () => {
    const keys = createSigningKeys(database.db, TTL);
    const kid = kidOf(await keys.sign(claims)) ?? '';
    const key = await privateKeyOf(kid);
    expect(await keys.verify(await forge(key, { kid, iss: 'someone-else' }))).toBeNull();
    expect(await keys.verify(await forge(key, { kid, aud: 'another-api' }))).toBeNull();
    expect(await keys.verify(await forge(key, { kid, typ: 'JWT' }))).toBeNull();
    const root = { role: 'root', sid: claims.sid };
    expect(await keys.verify(await forge(key, { kid, payload: root }))).toBeNull();
    expect(await keys.verify(await forge(key, { kid, payload: { role: 'user' } }))).toBeNull();
  });

  it('garbage', async () => {
    const keys = createSigningKeys(database.db, TTL);
    const token = await keys.sign(claims);
    const garbage = [
      '',
      'garbage',
      'a.b.c',
      '...',
      `${token}x`,
      token.split('.').slice(0, 2).join('.'),
      token.split('.').reverse().join('.'),
      `${b64url({ alg: 'EdDSA', typ: 'at+jwt', kid: 'no-such-key' })}.${token.split('.')[1]}.${token.split('.')[2]}`,
      Buffer.from('x'.repeat(300)).toString('base64url'),
    ];
    for (const value of garbage) expect(await keys.verify(value), value).toBeNull();
  });
});

describe('rotation', () => {
  it('signs with the new key and keeps verifying older tokens for one lifetime', async () => {
    const keys = createSigningKeys(database.db, TTL);
    const before = await keys.sign(claims);
    const oldKid = kidOf(before);

    const newKid = await keys.rotate();
    expect(newKid).not.toBe(oldKid);
    const rows = await keyRows();
    expect(rows.map((r) => r.kid)).toStrictEqual([oldKid, newKid]);
    expect(rows.map((r) => r.retired_at === null)).toStrictEqual([false, true]);

    const after = await keys.sign(claims);
    expect(kidOf(after)).toBe(newKid);
    expect(await keys.verify(before)).toStrictEqual(verified(claims));
    expect(await keys.verify(after)).toStrictEqual(verified(claims));
    // The retired key still verifies until its last token has expired.
    at(TTL * 1000 - 1000);
    expect(await keys.verify(before)).toStrictEqual(verified(claims));
  });

  it('stops accepting the retired key once TTL + 60 s have passed since retirement', async () => {
    const keys = createSigningKeys(database.db, TTL);
    // A token of the old key that outlives the grace period (signed by an instance configured
    // with a day-long TTL), so that what rejects it is the key's retirement, not its exp.
    const longLived = await createSigningKeys(database.db, 86_400).sign(claims);
    const oldKid = kidOf(longLived);
    expect(kidOf(await keys.sign(claims))).toBe(oldKid);

    at(5000);
    await keys.rotate(); // retired_at = T0 + 5 s
    at(5000 + GRACE_MS - 1000);
    expect(await keys.verify(longLived)).toStrictEqual(verified(claims));
    at(5000 + GRACE_MS);
    expect(await keys.verify(longLived)).toBeNull();
    // The current key is not affected.
    expect(await keys.verify(await keys.sign(claims))).toStrictEqual(verified(claims));
  });
});

describe('two instances on one database', () => {
  it('verify each other’s tokens, before and after one of them rotates', async () => {
    const a = createSigningKeys(database.db, TTL);
    const b = createSigningKeys(database.db, TTL);
    const fromA = await a.sign(claims);
    expect(await b.verify(fromA)).toStrictEqual(verified(claims));
    expect(await a.verify(await b.sign(claims))).toStrictEqual(verified(claims));
    expect(await keyRows()).toHaveLength(1);

    // B reloads on an unknown kid at most once a second: let that second pass.
    at(2000);
    const newKid = await a.rotate();
    const newFromA = await a.sign(claims);
    expect(kidOf(newFromA)).toBe(newKid);
    expect(await b.verify(newFromA)).toStrictEqual(verified(claims));
    // Having reloaded, B signs with the new key too, and still accepts A's older token.
    expect(kidOf(await b.sign(claims))).toBe(newKid);
    expect(await b.verify(fromA)).toStrictEqual(verified(claims));
  });

  // KNOWN BUG (see report): an instance never learns that another one retired its current key,
  // so it keeps signing with it, and once the grace has passed the other instances reject those
  // fresh tokens. Drop `.fails` once the module reloads its keys periodically.
  it('an instance that did not rotate stops using the retired key', async () => {
    const a = createSigningKeys(database.db, TTL);
    const b = createSigningKeys(database.db, TTL);
    await a.sign(claims);
    await b.rotate();
    at(GRACE_MS + 1000);
    expect(await b.verify(await a.sign(claims))).toStrictEqual(verified(claims));
  });
});

describe('first use', () => {
  it('creates exactly one key on an empty database, even for concurrent first calls', async () => {
    expect(await keyRows()).toHaveLength(0);
    const keys = createSigningKeys(database.db, TTL);
    const tokens = await Promise.all(Array.from({ length: 10 }, () => keys.sign(claims)));
    const rows = await keyRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.retired_at).toBeNull();
    expect(new Set(tokens.map(kidOf))).toStrictEqual(new Set([rows[0]?.kid]));
  });

  it('concurrent first sign and verify share the one key creation', async () => {
    const keys = createSigningKeys(database.db, TTL);
    const [token, nothing] = await Promise.all([keys.sign(claims), keys.verify('garbage')]);
    expect(nothing).toBeNull();
    expect(await keyRows()).toHaveLength(1);
    expect(await keys.verify(token)).toStrictEqual(verified(claims));
  });

  it('does not create a key when one exists (a second instance starting later)', async () => {
    const first = await createSigningKeys(database.db, TTL).sign(claims);
    const second = await createSigningKeys(database.db, TTL).sign(claims);
    expect(kidOf(second)).toBe(kidOf(first));
    expect(await keyRows()).toHaveLength(1);
  });
});
