import { describe, expect, it } from 'vitest';
import { tokenFromOutbox as tokenFromTheOutbox } from '../../test/accounts.ts';
import { useTestApp } from '../../test/app.ts';
import { REFRESH_RETRY_SECONDS, tokenHash } from './auth.service.ts';

const ctx = useTestApp();
const ORIGIN = 'http://localhost:80';
const password = 'violet staple gargoyle 42';
/** Every secret the tests see, to look for in the logs. */
const secrets = new Set<string>([password]);

const post = (url: string, payload?: object, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'POST', url, payload, headers });

/** The one-time token from the newest mail to `to` in the development outbox. */
async function tokenFromOutbox(to: string) {
  const token = await tokenFromTheOutbox(ctx.database, to);
  secrets.add(token);
  return token;
}

async function registeredUser(email: string) {
  expect((await post('/api/v1/auth/register', { email, name: 'Ada', password })).statusCode).toBe(
    202,
  );
  const token = await tokenFromOutbox(email);
  expect((await post('/api/v1/auth/verify-email', { token })).statusCode).toBe(200);
}

function refreshCookie(res: { cookies: { name: string; value: string }[] }) {
  const cookie = res.cookies.find((c) => c.name === 'taskflow_refresh');
  if (!cookie) throw new Error('no refresh cookie');
  secrets.add(cookie.value);
  return cookie.value;
}

async function signIn(email: string) {
  const res = await post('/api/v1/auth/sign-in', { email, password });
  expect(res.statusCode).toBe(200);
  const accessToken = res.json().accessToken as string;
  secrets.add(accessToken);
  return { accessToken, refresh: refreshCookie(res), res };
}

const refresh = (token: string, headers: Record<string, string> = {}) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/refresh',
    cookies: { taskflow_refresh: token },
    headers: { origin: ORIGIN, host: 'localhost:80', 'x-taskflow-csrf': '1', ...headers },
  });

/** Moves a rotated token's rotation back past the window in which it still counts as a retry. */
async function rotatedLongAgo(token: string) {
  const moved = await ctx.database.db
    .updateTable('refresh_tokens')
    .set({ rotated_at: new Date(Date.now() - (REFRESH_RETRY_SECONDS + 1) * 1_000) })
    .where('token_hash', '=', tokenHash(token))
    .where('rotated_at', 'is not', null)
    .executeTakeFirstOrThrow();
  expect(moved.numUpdatedRows).toBe(1n);
}

const me = (accessToken: string) =>
  ctx.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${accessToken}` } });

describe('register, verify, sign in', () => {
  it('signs in a verified user with a bearer token and an httpOnly, SameSite=Strict refresh cookie', async () => {
    await registeredUser('ada@example.com');
    const { accessToken, res } = await signIn('ada@example.com');
    expect(res.json()).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      user: { email: 'ada@example.com', emailVerified: true },
    });
    const cookie = res.cookies.find((c) => c.name === 'taskflow_refresh');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });
    expect(Buffer.from(cookie?.value ?? '', 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(res.headers['cache-control']).toBe('no-store');
    const profile = await me(accessToken);
    expect(profile.statusCode).toBe(200);
    expect(profile.json()).toMatchObject({ email: 'ada@example.com', role: 'user' });
  });

  it('refuses sign-in before the email is verified', async () => {
    await post('/api/v1/auth/register', { email: 'new@example.com', name: 'New', password });
    const res = await post('/api/v1/auth/sign-in', { email: 'new@example.com', password });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('EMAIL_NOT_VERIFIED');
  });

  it('answers registration of an existing address exactly like a new one', async () => {
    const fresh = await post('/api/v1/auth/register', {
      email: 'other@example.com',
      name: 'O',
      password,
    });
    const taken = await post('/api/v1/auth/register', {
      email: 'ADA@example.com',
      name: 'X',
      password,
    });
    expect(taken.statusCode).toBe(202);
    expect(taken.body).toBe(fresh.body);
  });

  it('refuses a common password beside the field', async () => {
    const res = await post('/api/v1/auth/register', {
      email: 'c@example.com',
      name: 'C',
      password: 'password123',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { path: 'body.password', message: expect.stringMatching(/common/) },
    ]);
  });

  it('a verification link works once; opened again, it says the address is verified', async () => {
    await post('/api/v1/auth/register', { email: 'once@example.com', name: 'O', password });
    const token = await tokenFromOutbox('once@example.com');
    expect((await post('/api/v1/auth/verify-email', { token })).statusCode).toBe(200);
    // Opened again: the address is verified, and the answer says so rather than "expired".
    const again = await post('/api/v1/auth/verify-email', { token });
    expect(again.statusCode).toBe(200);
    expect(again.json().message).toBe('Your email address is already verified. You can sign in.');
    const unknown = await post('/api/v1/auth/verify-email', { token: 'x'.repeat(43) });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('TOKEN_INVALID');
  });

  it('unknown email and wrong password answer byte-identically apart from the request id', async () => {
    const unknown = await post(
      '/api/v1/auth/sign-in',
      { email: 'nobody@example.com', password },
      { 'x-request-id': 'same-id' },
    );
    const wrong = await post(
      '/api/v1/auth/sign-in',
      { email: 'ada@example.com', password: 'not it at all' },
      { 'x-request-id': 'same-id' },
    );
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().code).toBe('INVALID_CREDENTIALS');
    expect(wrong.body).toBe(unknown.body);
    const strip = (h: Record<string, unknown>) => {
      const { date: _d, 'x-ratelimit-remaining': _r, 'x-ratelimit-reset': _t, ...rest } = h;
      return rest;
    };
    expect(strip(wrong.headers)).toEqual(strip(unknown.headers));
  });
});

describe('refresh tokens', () => {
  it('answer 204 without a refresh cookie (a signed-out visit), 401 for a dead one; CSRF still applies', async () => {
    const headers = { origin: ORIGIN, host: 'localhost:80', 'x-taskflow-csrf': '1' };
    const none = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', headers });
    expect(none.statusCode).toBe(204);
    expect(none.body).toBe('');
    const forged = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { ...headers, origin: 'https://evil.example' },
    });
    expect(forged.statusCode).toBe(403);
    const dead = await refresh('x'.repeat(43));
    expect(dead.statusCode).toBe(401);
    expect(dead.json().code).toBe('SESSION_EXPIRED');
  });

  it('rotate on every refresh', async () => {
    const { refresh: first } = await signIn('ada@example.com');
    const res = await refresh(first);
    expect(res.statusCode).toBe(200);
    const second = refreshCookie(res);
    expect(second).not.toBe(first);
    expect((await me(res.json().accessToken)).statusCode).toBe(200);
  });

  it('reuse of a rotated token revokes the whole session, the legitimate holder included', async () => {
    const { refresh: stolen, accessToken } = await signIn('ada@example.com');
    const legit = refreshCookie(await refresh(stolen));
    await rotatedLongAgo(stolen);
    const replay = await refresh(stolen);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('SESSION_EXPIRED');
    expect((await refresh(legit)).statusCode).toBe(401);
    expect((await me(accessToken)).statusCode).toBe(401);
    const events = await ctx.database.db
      .selectFrom('audit_events')
      .select('type')
      .where('type', '=', 'refresh.reuse_detected')
      .execute();
    expect(events.length).toBeGreaterThan(0);
  });

  it('a token presented again just after its rotation (the answer was lost) gets a new one, which replaces the lost one', async () => {
    const { refresh: first, accessToken } = await signIn('ada@example.com');
    const lost = refreshCookie(await refresh(first));
    const retried = await refresh(first);
    expect(retried.statusCode).toBe(200);
    const kept = refreshCookie(retried);
    expect(new Set([first, lost, kept]).size).toBe(3);
    expect((await me(retried.json().accessToken)).statusCode).toBe(200);
    expect((await me(accessToken)).statusCode).toBe(200);
    // The session goes on with the token of the answer that arrived.
    const next = await refresh(kept);
    expect(next.statusCode).toBe(200);
    // The lost token, once its retry window is over, is a copy: the session is revoked.
    await rotatedLongAgo(lost);
    expect((await refresh(lost)).statusCode).toBe(401);
    expect((await refresh(refreshCookie(next))).statusCode).toBe(401);
  });

  it('two refreshes with one token at once (two tabs) both succeed, and the session stays live', async () => {
    const { refresh: token } = await signIn('ada@example.com');
    const answers = await Promise.all([refresh(token), refresh(token)]);
    expect(answers.map((res) => res.statusCode)).toEqual([200, 200]);
    const tokens = answers.map(refreshCookie);
    // Whichever answer the browser kept last, the session goes on (the other is retried).
    const later = await refresh(tokens[1] ?? '');
    expect(later.statusCode).toBe(200);
    expect((await refresh(refreshCookie(later))).statusCode).toBe(200);
  });

  it('are refused without the CSRF header or from a foreign origin', async () => {
    const { refresh: token } = await signIn('ada@example.com');
    const noHeader = await refresh(token, { 'x-taskflow-csrf': '' });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().code).toBe('CSRF_REJECTED');
    const foreign = await refresh(token, { origin: 'https://evil.example' });
    expect(foreign.statusCode).toBe(403);
    const noOrigin = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      cookies: { taskflow_refresh: token },
      headers: { 'x-taskflow-csrf': '1' },
    });
    expect(noOrigin.statusCode).toBe(403);
    expect((await refresh(token)).statusCode).toBe(200);
  });
});

describe('sign out', () => {
  it('revokes the session: its access token stops working at once', async () => {
    const { refresh: token, accessToken } = await signIn('ada@example.com');
    expect((await me(accessToken)).statusCode).toBe(200);
    const out = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      cookies: { taskflow_refresh: token },
      headers: { origin: ORIGIN, host: 'localhost:80', 'x-taskflow-csrf': '1' },
    });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'taskflow_refresh')?.value).toBe('');
    const after = await me(accessToken);
    expect(after.statusCode).toBe(401);
    expect(after.headers['www-authenticate']).toBe('Bearer');
    expect((await refresh(token)).statusCode).toBe(401);
  });
});

describe('logs', () => {
  it('never contain a password, token or cookie value', () => {
    const all = ctx.logs.raw.join('\n');
    expect(ctx.logs.raw.length).toBeGreaterThan(50);
    expect(secrets.size).toBeGreaterThan(10);
    for (const secret of secrets) expect(all).not.toContain(secret);
    expect(all).not.toMatch(/eyJ[\w-]+\.[\w-]+\./); // any JWT
  });
});
