import { generate } from 'otplib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createVerifiedUser,
  insertAdmin,
  testPassword as password,
  signedIn,
  tokenFromOutbox,
} from '../../test/accounts.ts';
import { useTestApp } from '../../test/app.ts';

/** Secrets are sealed at rest in this file's app. */
const ctx = useTestApp({ TWO_FACTOR_ENCRYPTION_KEY: 'k'.repeat(43) });
/** Every secret the tests see, to look for in the logs. */
const secrets = new Set<string>();

const post = (url: string, payload: object, token?: string) =>
  ctx.app.inject({
    method: 'POST',
    url,
    payload,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });

/** TOTP codes of the time step `steps` away from now. */
const codeAt = async (secret: string, steps = 0) => {
  const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });
  secrets.add(code);
  return code;
};

/** Moves the clock `seconds` on, for what reads the time (TOTP steps, expiries). */
function later(seconds: number) {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + seconds * 1000 });
}
afterEach(() => {
  vi.useRealTimers();
});

/** A verified, signed-in user who turned two-factor sign-in on: their secret and recovery codes. */
async function enrolled(email: string) {
  await createVerifiedUser(ctx.app, ctx.database, email);
  const { accessToken } = await signedIn(ctx.app, email);
  const start = await post('/api/v1/me/two-factor/enrol', { password }, accessToken);
  expect(start.statusCode).toBe(200);
  expect(start.headers['cache-control']).toBe('no-store');
  const { secret, otpauthUri, qrCode } = start.json();
  secrets.add(secret);
  expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/TaskFlow:.*secret=/);
  expect(qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
  const confirm = await post(
    '/api/v1/me/two-factor/confirm',
    { code: await codeAt(secret) },
    accessToken,
  );
  expect(confirm.statusCode).toBe(200);
  const recoveryCodes: string[] = confirm.json().recoveryCodes;
  for (const code of recoveryCodes) secrets.add(code);
  return { secret, recoveryCodes, accessToken };
}

async function challengeFor(email: string) {
  const res = await post('/api/v1/auth/sign-in', { email, password });
  expect(res.statusCode).toBe(202);
  expect(res.cookies).toEqual([]);
  const body = res.json();
  expect(body).toMatchObject({ twoFactorRequired: true, expiresIn: 300 });
  expect(body.accessToken).toBeUndefined();
  secrets.add(body.challenge);
  return body.challenge as string;
}

const withCode = (challenge: string, code: string) =>
  post('/api/v1/auth/sign-in/two-factor', { challenge, code });

const auditTypes = async (email: string) => {
  const rows = await ctx.database.db
    .selectFrom('audit_events as a')
    .innerJoin('users as u', 'u.id', 'a.subject_id')
    .select('a.type')
    .where('u.email', '=', email)
    .orderBy('a.created_at')
    .execute();
  return rows.map((r) => r.type);
};

describe('enrolment', () => {
  it('asks for the password, stores the secret sealed, and is on only after a code', async () => {
    await createVerifiedUser(ctx.app, ctx.database, 'pending@example.com');
    const { accessToken } = await signedIn(ctx.app, 'pending@example.com');
    const wrong = await post('/api/v1/me/two-factor/enrol', { password: 'nope' }, accessToken);
    expect(wrong.statusCode).toBe(400);
    const start = await post('/api/v1/me/two-factor/enrol', { password }, accessToken);
    const { secret } = start.json();
    secrets.add(secret);
    const stored = await ctx.database.db
      .selectFrom('user_two_factor')
      .select('secret')
      .executeTakeFirstOrThrow();
    expect(stored.secret).toMatch(/^v1\./);
    expect(stored.secret).not.toContain(secret);
    const status = await ctx.app.inject({
      url: '/api/v1/me/two-factor',
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(status.json()).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    // Not on yet: sign-in still takes the password alone.
    const plain = await post('/api/v1/auth/sign-in', { email: 'pending@example.com', password });
    expect(plain.statusCode).toBe(200);
    const bad = await post('/api/v1/me/two-factor/confirm', { code: '000000' }, accessToken);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'body.code' })]);
  });

  it('refuses a second enrolment once on (409)', async () => {
    const { accessToken } = await enrolled('twice@example.com');
    const again = await post('/api/v1/me/two-factor/enrol', { password }, accessToken);
    expect(again.statusCode).toBe(409);
  });
});

describe('sign-in with two factors', () => {
  it('needs the code after the password; a used code is refused; a recovery code works once', async () => {
    const { secret, recoveryCodes } = await enrolled('ada@example.com');
    const stored = await ctx.database.db
      .selectFrom('two_factor_recovery_codes')
      .select('code_hash')
      .execute();
    // Hashed like passwords: argon2id with a salt of its own each.
    for (const row of stored) expect(row.code_hash).toMatch(/^\$argon2id\$/);
    const challenge = await challengeFor('ada@example.com');
    later(30);
    const code = await codeAt(secret);
    const res = await withCode(challenge, code);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ tokenType: 'Bearer', user: { email: 'ada@example.com' } });
    expect(res.cookies.find((c) => c.name === 'taskflow_refresh')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
    });
    secrets.add(res.json().accessToken);

    // The challenge served once; the same code on a new challenge is a replay.
    expect((await withCode(challenge, code)).json().code).toBe('TWO_FACTOR_CHALLENGE_EXPIRED');
    const second = await challengeFor('ada@example.com');
    const replay = await withCode(second, code);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('TWO_FACTOR_CODE_INVALID');
    // An earlier step than the one used is no good either.
    expect((await withCode(second, await codeAt(secret, -1))).statusCode).toBe(401);

    const recovery = recoveryCodes[0] ?? '';
    const third = await challengeFor('ada@example.com');
    const recovered = await withCode(third, recovery.toUpperCase());
    expect(recovered.statusCode).toBe(200);
    const fourth = await challengeFor('ada@example.com');
    expect((await withCode(fourth, recovery)).json().code).toBe('TWO_FACTOR_CODE_INVALID');

    const types = await auditTypes('ada@example.com');
    expect(types).toEqual(
      expect.arrayContaining([
        'two_factor.enrolment_started',
        'two_factor.enabled',
        'two_factor.failed',
        'two_factor.recovery_code_used',
        'sign_in.succeeded',
      ]),
    );
  });

  it('ends a challenge after five wrong codes', async () => {
    const { secret } = await enrolled('guesser@example.com');
    const challenge = await challengeFor('guesser@example.com');
    for (let i = 0; i < 5; i++) {
      const res = await withCode(challenge, String(100000 + i));
      expect(res.json().code).toBe('TWO_FACTOR_CODE_INVALID');
    }
    later(30);
    const res = await withCode(challenge, await codeAt(secret));
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('TWO_FACTOR_CHALLENGE_EXPIRED');
  });

  it('a challenge expires after five minutes', async () => {
    const { secret } = await enrolled('slow@example.com');
    const challenge = await challengeFor('slow@example.com');
    later(301);
    const res = await withCode(challenge, await codeAt(secret));
    expect(res.json().code).toBe('TWO_FACTOR_CHALLENGE_EXPIRED');
  });

  it('a password reset does not turn it off: sign-in still asks for the code', async () => {
    await enrolled('forgot@example.com');
    await post('/api/v1/auth/password-reset/request', { email: 'forgot@example.com' });
    const token = await tokenFromOutbox(ctx.database, 'forgot@example.com');
    secrets.add(token);
    const newPassword = 'a brand new passphrase 7';
    secrets.add(newPassword);
    expect((await post('/api/v1/auth/password-reset', { token, newPassword })).statusCode).toBe(
      200,
    );
    const res = await post('/api/v1/auth/sign-in', {
      email: 'forgot@example.com',
      password: newPassword,
    });
    expect(res.statusCode).toBe(202);
    secrets.add(res.json().challenge);
  });

  it('an unknown challenge is refused like an expired one', async () => {
    const res = await withCode('x'.repeat(43), '123456');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('TWO_FACTOR_CHALLENGE_EXPIRED');
  });
});

describe('turning it off and new recovery codes', () => {
  it('disabling needs the password and a current code', async () => {
    const { secret, accessToken } = await enrolled('off@example.com');
    later(30);
    const code = await codeAt(secret);
    const noPassword = await post(
      '/api/v1/me/two-factor/disable',
      { password: 'wrong', code },
      accessToken,
    );
    expect(noPassword.statusCode).toBe(400);
    const noCode = await post(
      '/api/v1/me/two-factor/disable',
      { password, code: '999999' },
      accessToken,
    );
    expect(noCode.statusCode).toBe(400);
    expect(noCode.json().errors).toEqual([expect.objectContaining({ path: 'body.code' })]);
    const ok = await post('/api/v1/me/two-factor/disable', { password, code }, accessToken);
    expect(ok.statusCode).toBe(204);
    expect(
      (await post('/api/v1/auth/sign-in', { email: 'off@example.com', password })).statusCode,
    ).toBe(200);
    expect(await auditTypes('off@example.com')).toContain('two_factor.disabled');
  });

  it('new recovery codes need a code and replace the old ones', async () => {
    const { secret, accessToken, recoveryCodes } = await enrolled('codes@example.com');
    later(30);
    const res = await post(
      '/api/v1/me/two-factor/recovery-codes',
      { code: await codeAt(secret) },
      accessToken,
    );
    expect(res.statusCode).toBe(200);
    const fresh: string[] = res.json().recoveryCodes;
    for (const code of fresh) secrets.add(code);
    expect(fresh).toHaveLength(10);
    const challenge = await challengeFor('codes@example.com');
    expect((await withCode(challenge, recoveryCodes[1] ?? '')).statusCode).toBe(401);
    expect((await withCode(challenge, fresh[1] ?? '')).statusCode).toBe(200);
    expect(await auditTypes('codes@example.com')).toContain(
      'two_factor.recovery_codes_regenerated',
    );
  });
});

describe('required for administrators', () => {
  it('answers admin routes 403 TWO_FACTOR_REQUIRED until the admin enrols; the users list shows who has it', async () => {
    await insertAdmin(ctx.database);
    const admin = await signedIn(ctx.app, 'admin@example.com');
    const settings = '/api/v1/admin/settings/security';
    // Requiring it before having it would lock the admin out: refused.
    const early = await admin.send('PATCH', settings, { requireTwoFactorForAdmins: true });
    expect(early.statusCode).toBe(409);

    const start = await post('/api/v1/me/two-factor/enrol', { password }, admin.accessToken);
    const { secret } = start.json();
    secrets.add(secret);
    const confirmCode = await codeAt(secret);
    const confirmed = await post(
      '/api/v1/me/two-factor/confirm',
      { code: confirmCode },
      admin.accessToken,
    );
    for (const code of confirmed.json().recoveryCodes) secrets.add(code);
    const on = await admin.send('PATCH', settings, { requireTwoFactorForAdmins: true });
    expect(on.statusCode).toBe(200);
    expect(on.json()).toEqual({ requireTwoFactorForAdmins: true });

    // A second admin without two-factor sign-in is refused operator routes, not their own.
    await createVerifiedUser(ctx.app, ctx.database, 'second@example.com');
    const promoted = await admin.send(
      'PATCH',
      `/api/v1/admin/users/${(await signedIn(ctx.app, 'second@example.com')).userId}`,
      { role: 'admin' },
    );
    expect(promoted.statusCode).toBe(200);
    const second = await signedIn(ctx.app, 'second@example.com');
    const refused = await second.get('/api/v1/admin/users');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('TWO_FACTOR_REQUIRED');
    expect((await second.get('/api/v1/admin/stats?tz=UTC')).json().code).toBe(
      'TWO_FACTOR_REQUIRED',
    );
    expect((await second.get('/api/v1/me/two-factor')).json()).toMatchObject({
      enabled: false,
      required: true,
    });
    expect((await second.get('/api/v1/me')).statusCode).toBe(200);

    const list = await admin.get('/api/v1/admin/users?limit=100');
    expect(list.statusCode).toBe(200);
    const rows = list.json().items as { email: string; twoFactor: boolean }[];
    expect(rows.find((u) => u.email === 'admin@example.com')?.twoFactor).toBe(true);
    expect(rows.find((u) => u.email === 'second@example.com')?.twoFactor).toBe(false);

    // Once the second admin enrols, operator routes open.
    const own = await post('/api/v1/me/two-factor/enrol', { password }, second.accessToken);
    const ownSecret = own.json().secret;
    secrets.add(ownSecret);
    const done = await post(
      '/api/v1/me/two-factor/confirm',
      { code: await codeAt(ownSecret) },
      second.accessToken,
    );
    for (const code of done.json().recoveryCodes) secrets.add(code);
    expect((await second.get('/api/v1/admin/users')).statusCode).toBe(200);
    const types = await auditTypes('admin@example.com');
    expect(types).toContain('settings.changed');
  });
});

describe('logs', () => {
  it('never carry a secret, a code, a challenge or a recovery code', () => {
    const all = ctx.logs.raw.join('\n');
    expect(secrets.size).toBeGreaterThan(40);
    for (const secret of secrets) expect(all).not.toContain(secret);
  });
});
