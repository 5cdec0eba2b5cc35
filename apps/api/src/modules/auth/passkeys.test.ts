import { generate } from 'otplib';
import { describe, expect, it, vi } from 'vitest';
import { createAccessToken, withAccessToken } from '../../test/access-tokens.ts';
import {
  createVerifiedUser,
  testPassword as password,
  signedIn,
  tokenFromOutbox,
} from '../../test/accounts.ts';
import { useTestApp } from '../../test/app.ts';
import { softwarePasskey } from '../../test/passkey-authenticator.ts';

/** The web app's origin: passkeys are bound to its host name, `localhost`. */
const origin = 'http://localhost:5173';
const ctx = useTestApp({ PUBLIC_URL: origin });

const post = (url: string, payload: object, token?: string) =>
  ctx.app.inject({
    method: 'POST',
    url,
    payload,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });

const newKey = () => softwarePasskey({ origin, rpId: 'localhost' });
type Key = ReturnType<typeof newKey>;

/** Registers `key` as a passkey named `name` on the account of `token`. */
async function register(token: string, key: Key, name: string) {
  const start = await post('/api/v1/me/passkeys/registration-options', { password }, token);
  expect(start.statusCode).toBe(200);
  const { challengeId, options } = start.json();
  expect(options.rp).toEqual({ id: 'localhost', name: 'TaskFlow' });
  expect(options.authenticatorSelection).toMatchObject({
    residentKey: 'required',
    userVerification: 'required',
  });
  const res = await post(
    '/api/v1/me/passkeys',
    { challengeId, name, credential: key.attest(options) },
    token,
  );
  expect(res.statusCode).toBe(201);
  return res.json();
}

async function account(email: string) {
  await createVerifiedUser(ctx.app, ctx.database, email);
  return signedIn(ctx.app, email);
}

const signInOptions = async () => {
  const res = await post('/api/v1/auth/passkey/options', {});
  expect(res.statusCode).toBe(200);
  return res.json() as { challengeId: string; options: { challenge: string } };
};

/** A sign-in with `key` alone on fresh options; `answer` alters what the authenticator signs. */
const signInWith = async (key: Key, answer?: Parameters<Key['assert']>[1]) => {
  const { challengeId, options } = await signInOptions();
  return post('/api/v1/auth/passkey/sign-in', {
    challengeId,
    credential: key.assert(options, answer),
  });
};

/** Turns TOTP two-factor sign-in on for the account of `token`. */
async function turnOnTotp(token: string) {
  const { secret } = (await post('/api/v1/me/two-factor/enrol', { password }, token)).json();
  await post('/api/v1/me/two-factor/confirm', { code: await generate({ secret }) }, token);
}

/** The detail of the newest audit event of `type` about `userId`. */
const lastAudit = async (userId: string, type: string) =>
  (
    await ctx.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('subject_id', '=', userId)
      .where('type', '=', type)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow()
  ).detail;

const auditTypes = async (userId: string) =>
  (
    await ctx.database.db
      .selectFrom('audit_events')
      .select(['type', 'detail'])
      .where('subject_id', '=', userId)
      .orderBy('created_at')
      .execute()
  ).map((e) => e.type);

describe('passkeys on the account', () => {
  it('registers two passkeys, lists, renames and removes them, each audited', async () => {
    const me = await account('keys@example.com');
    const laptop = await register(me.accessToken, newKey(), 'Laptop');
    const phone = await register(me.accessToken, newKey(), 'Phone');
    expect(laptop).toMatchObject({ name: 'Laptop', lastUsedAt: null });

    const list = await me.get('/api/v1/me/passkeys');
    expect(list.json().items.map((p: { name: string }) => p.name)).toEqual(['Laptop', 'Phone']);

    const renamed = await me.send('PATCH', `/api/v1/me/passkeys/${phone.id}`, { name: 'Pixel' });
    expect(renamed.json()).toMatchObject({ id: phone.id, name: 'Pixel' });

    const wrong = await me.send('DELETE', `/api/v1/me/passkeys/${laptop.id}`, {
      password: 'not the password',
    });
    expect(wrong.statusCode).toBe(400);
    const removed = await me.send('DELETE', `/api/v1/me/passkeys/${laptop.id}`, { password });
    expect(removed.statusCode).toBe(204);
    const after = (await me.get('/api/v1/me/passkeys')).json().items;
    expect(after.map((p: { name: string }) => p.name)).toEqual(['Pixel']);

    const types = await auditTypes(me.userId);
    expect(types.filter((t) => t === 'passkey.registered')).toHaveLength(2);
    expect(types).toContain('passkey.renamed');
    expect(types).toContain('passkey.removed');
  });

  it('refuses personal access tokens on the account’s passkeys', async () => {
    const me = await account('token@example.com');
    const { token } = await createAccessToken(me);
    const script = withAccessToken(ctx.app, token);
    expect((await script.get('/api/v1/me/passkeys')).json()).toMatchObject({
      status: 403,
      code: 'TOKEN_NOT_ALLOWED',
    });
    const start = await script.send('POST', '/api/v1/me/passkeys/registration-options', {
      password,
    });
    expect(start.statusCode).toBe(403);
  });

  it('asks the password before registration options', async () => {
    const me = await account('ask@example.com');
    const res = await post(
      '/api/v1/me/passkeys/registration-options',
      { password: 'wrong password' },
      me.accessToken,
    );
    expect(res.statusCode).toBe(400);
  });

  it('refuses a registration from another origin, and a used registration challenge', async () => {
    const me = await account('reg-origin@example.com');
    const key = newKey();
    const start = await post(
      '/api/v1/me/passkeys/registration-options',
      { password },
      me.accessToken,
    );
    const { challengeId, options } = start.json();
    const forged = await post(
      '/api/v1/me/passkeys',
      { challengeId, name: 'X', credential: key.attest(options, { origin: 'https://evil.test' }) },
      me.accessToken,
    );
    expect(forged.json()).toMatchObject({ status: 400, code: 'PASSKEY_REGISTRATION_INVALID' });
    const again = await post(
      '/api/v1/me/passkeys',
      { challengeId, name: 'X', credential: key.attest(options) },
      me.accessToken,
    );
    expect(again.json().code).toBe('PASSKEY_CHALLENGE_EXPIRED');
    expect(await auditTypes(me.userId)).toContain('passkey.registration_failed');
  });

  it('never shows, renames or removes another user’s passkey: 404', async () => {
    const owner = await account('owner@example.com');
    const other = await account('other@example.com');
    const key = await register(owner.accessToken, newKey(), 'Mine');
    expect((await other.get('/api/v1/me/passkeys')).json().items).toEqual([]);
    const rename = await other.send('PATCH', `/api/v1/me/passkeys/${key.id}`, { name: 'Yours' });
    expect(rename.json()).toMatchObject({ status: 404, code: 'PASSKEY_NOT_FOUND' });
    const remove = await other.send('DELETE', `/api/v1/me/passkeys/${key.id}`, { password });
    expect(remove.json()).toMatchObject({ status: 404, code: 'PASSKEY_NOT_FOUND' });
    expect((await owner.get('/api/v1/me/passkeys')).json().items[0].name).toBe('Mine');
  });
});

describe('signing in with a passkey', () => {
  it('signs in with a passkey alone: a session and a refresh cookie, audited', async () => {
    const me = await account('alone@example.com');
    const key = newKey();
    const passkey = await register(me.accessToken, key, 'Laptop');
    const { challengeId, options } = await signInOptions();
    expect(options).toMatchObject({ rpId: 'localhost', userVerification: 'required' });
    expect(options).not.toHaveProperty('allowCredentials');
    const res = await post('/api/v1/auth/passkey/sign-in', {
      challengeId,
      credential: key.assert(options),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.email).toBe('alone@example.com');
    expect(res.cookies.find((c) => c.name === 'taskflow_refresh')?.httpOnly).toBe(true);
    const listed = (await me.get('/api/v1/me/passkeys')).json().items[0];
    expect(listed.lastUsedAt).not.toBeNull();
    const signIn = await ctx.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('subject_id', '=', me.userId)
      .where('type', '=', 'sign_in.succeeded')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(signIn.detail).toMatchObject({ method: 'passkey', passkeyId: passkey.id });
  });

  it('a password reset keeps the account’s passkeys: they still sign in alone', async () => {
    const me = await account('reset@example.com');
    const key = newKey();
    await register(me.accessToken, key, 'Laptop');
    await post('/api/v1/auth/password-reset/request', { email: 'reset@example.com' });
    const token = await tokenFromOutbox(ctx.database, 'reset@example.com');
    const reset = await post('/api/v1/auth/password-reset', {
      token,
      newPassword: 'a brand new passphrase 7',
    });
    expect(reset.statusCode).toBe(200);
    expect((await me.get('/api/v1/me/passkeys')).statusCode).toBe(401);
    const res = await signInWith(key);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.email).toBe('reset@example.com');
  });

  it('refuses an assertion made for another origin', async () => {
    const me = await account('origin@example.com');
    const key = newKey();
    await register(me.accessToken, key, 'Key');
    const res = await signInWith(key, { origin: 'http://localhost:6666' });
    expect(res.json()).toMatchObject({ status: 401, code: 'PASSKEY_INVALID' });
    expect(await lastAudit(me.userId, 'passkey.failed')).toMatchObject({
      purpose: 'sign_in',
      reason: 'verification_failed',
      message: expect.stringMatching(/origin/i),
    });
  });

  it('refuses an assertion made for another RP ID', async () => {
    const me = await account('rpid@example.com');
    const key = newKey();
    await register(me.accessToken, key, 'Key');
    const res = await signInWith(key, { rpId: 'evil.test' });
    expect(res.json()).toMatchObject({ status: 401, code: 'PASSKEY_INVALID' });
    expect(await lastAudit(me.userId, 'passkey.failed')).toMatchObject({
      message: expect.stringMatching(/RP ID/i),
    });
  });

  it('refuses a used challenge, and an answer replayed on a new challenge', async () => {
    const me = await account('replay@example.com');
    const key = newKey();
    await register(me.accessToken, key, 'Key');
    const { challengeId, options } = await signInOptions();
    const credential = key.assert(options);
    expect(
      (await post('/api/v1/auth/passkey/sign-in', { challengeId, credential })).statusCode,
    ).toBe(200);
    const replay = await post('/api/v1/auth/passkey/sign-in', { challengeId, credential });
    expect(replay.json()).toMatchObject({ status: 400, code: 'PASSKEY_CHALLENGE_EXPIRED' });
    const fresh = await signInOptions();
    const elsewhere = await post('/api/v1/auth/passkey/sign-in', {
      challengeId: fresh.challengeId,
      credential,
    });
    expect(elsewhere.json().code).toBe('PASSKEY_INVALID');
  });

  it('refuses a counter that goes backwards, and audits it', async () => {
    const me = await account('counter@example.com');
    const key = newKey();
    await register(me.accessToken, key, 'Key');
    const first = await signInOptions();
    const ok = await post('/api/v1/auth/passkey/sign-in', {
      challengeId: first.challengeId,
      credential: key.assert(first.options, { counter: 5 }),
    });
    expect(ok.statusCode).toBe(200);
    const second = await signInOptions();
    const cloned = await post('/api/v1/auth/passkey/sign-in', {
      challengeId: second.challengeId,
      credential: key.assert(second.options, { counter: 3 }),
    });
    expect(cloned.json()).toMatchObject({ status: 401, code: 'PASSKEY_INVALID' });
    expect(await auditTypes(me.userId)).toContain('passkey.counter_regressed');
  });

  it('requires user verification for a passkey alone', async () => {
    const me = await account('uv@example.com');
    const key = newKey();
    await register(me.accessToken, key, 'Key');
    const res = await signInWith(key, { userVerified: false });
    expect(res.json().code).toBe('PASSKEY_INVALID');
    expect(await lastAudit(me.userId, 'passkey.failed')).toMatchObject({
      message: expect.stringMatching(/verif/i),
    });
  });

  it('refuses an unknown passkey', async () => {
    const res = await signInWith(newKey());
    expect(res.json().code).toBe('PASSKEY_INVALID');
  });

  it('passes the two-factor step with a passkey instead of a code', async () => {
    const me = await account('second@example.com');
    const key = newKey();
    await register(me.accessToken, key, 'Key');
    await turnOnTotp(me.accessToken);

    const signIn = await post('/api/v1/auth/sign-in', { email: 'second@example.com', password });
    expect(signIn.statusCode).toBe(202);
    const { challenge } = signIn.json();
    expect(signIn.json().passkey).toBe(true);
    const start = await post('/api/v1/auth/sign-in/two-factor/passkey-options', { challenge });
    expect(start.statusCode).toBe(200);
    const { challengeId, options } = start.json();
    expect(options.allowCredentials).toEqual([
      { id: key.id, type: 'public-key', transports: ['internal'] },
    ]);
    const done = await post('/api/v1/auth/sign-in/two-factor/passkey', {
      challenge,
      challengeId,
      credential: key.assert(options),
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().user.email).toBe('second@example.com');
    // The sign-in's challenge is used up: it opens no second session.
    const again = await post('/api/v1/auth/sign-in/two-factor/passkey', {
      challenge,
      challengeId,
      credential: key.assert(options),
    });
    expect(again.json().code).toBe('TWO_FACTOR_CHALLENGE_EXPIRED');
  });

  it('refuses another account’s passkey as the second factor', async () => {
    const victim = await account('victim@example.com');
    await turnOnTotp(victim.accessToken);
    const attacker = await account('attacker@example.com');
    const key = newKey();
    await register(attacker.accessToken, key, 'Mine');
    const signIn = await post('/api/v1/auth/sign-in', { email: 'victim@example.com', password });
    const { challenge } = signIn.json();
    expect(signIn.json().passkey).toBe(false);
    const { challengeId, options } = (
      await post('/api/v1/auth/sign-in/two-factor/passkey-options', { challenge })
    ).json();
    const res = await post('/api/v1/auth/sign-in/two-factor/passkey', {
      challenge,
      challengeId,
      credential: key.assert(options),
    });
    expect(res.json().code).toBe('PASSKEY_INVALID');
  });

  it('signs in with a passkey alone even when two-factor sign-in is on', async () => {
    const me = await account('both@example.com');
    const key = newKey();
    await register(me.accessToken, key, 'Key');
    await turnOnTotp(me.accessToken);
    const res = await signInWith(key);
    expect(res.statusCode).toBe(200);
    expect(res.json().accessToken).toEqual(expect.any(String));
  });

  it('refuses a challenge after five minutes, and one made for another ceremony', async () => {
    const me = await account('late@example.com');
    const key = newKey();
    await register(me.accessToken, key, 'Key');
    const { challengeId, options } = await signInOptions();
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 301_000 });
    const late = await post('/api/v1/auth/passkey/sign-in', {
      challengeId,
      credential: key.assert(options),
    });
    vi.useRealTimers();
    expect(late.json()).toMatchObject({ status: 400, code: 'PASSKEY_CHALLENGE_EXPIRED' });
    const registration = (
      await post('/api/v1/me/passkeys/registration-options', { password }, me.accessToken)
    ).json();
    const other = await post('/api/v1/auth/passkey/sign-in', {
      challengeId: registration.challengeId,
      credential: key.assert(registration.options),
    });
    expect(other.json().code).toBe('PASSKEY_CHALLENGE_EXPIRED');
  });

  it('refuses a disabled account', async () => {
    const me = await account('disabled@example.com');
    const key = newKey();
    await register(me.accessToken, key, 'Key');
    await ctx.database.db
      .updateTable('users')
      .set({ disabled_at: new Date() })
      .where('id', '=', me.userId)
      .execute();
    const res = await signInWith(key);
    expect(res.json()).toMatchObject({ status: 403, code: 'ACCOUNT_DISABLED' });
  });
});
