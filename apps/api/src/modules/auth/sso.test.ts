import { generate } from 'otplib';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createVerifiedUser, signedIn, testPassword } from '../../test/accounts.ts';
import { useTestApp } from '../../test/app.ts';
import { signInAtProvider, startTestProvider, TEST_CLIENT } from '../../test/oidc-provider.ts';

const PUBLIC_URL = 'http://taskflow.test';
const CALLBACK = `${PUBLIC_URL}/api/v1/auth/sso/acme/callback`;
const provider = await startTestProvider({
  redirectUris: [CALLBACK],
  // Short-lived ID tokens, for the expiry case: the others finish well within a minute.
  idTokenTtlSeconds: 60,
  accounts: {
    'unverified@acme.test': { emailVerified: false },
    'ada-sub': { email: 'ada@acme.test', name: 'Ada Lovelace' },
  },
});
afterAll(() => provider.close());

const ctx = useTestApp({
  PUBLIC_URL,
  OIDC_PROVIDERS: 'acme',
  OIDC_ACME_ISSUER: provider.issuer,
  OIDC_ACME_CLIENT_ID: TEST_CLIENT.id,
  OIDC_ACME_CLIENT_SECRET: TEST_CLIENT.secret,
  OIDC_ACME_NAME: 'Acme SSO',
  OIDC_ACME_ALLOWED_DOMAINS: 'acme.test',
});

/** Starts SSO in a "browser": the provider URL and the cookie binding the attempt. */
async function start() {
  const res = await ctx.app.inject({ url: '/api/v1/auth/sso/acme/start' });
  expect(res.statusCode).toBe(302);
  const browser = res.cookies.find((c) => c.name === 'taskflow_sso');
  expect(browser).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/auth/sso' });
  const url = new URL(res.headers.location as string);
  expect(url.origin).toBe(provider.issuer);
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  expect(url.searchParams.get('redirect_uri')).toBe(CALLBACK);
  return { url: url.href, browser: browser?.value ?? '', state: url.searchParams.get('state') };
}

/** The provider's redirect back, followed into the app with the browser's cookie. */
function callback(location: string, browser: string) {
  const url = new URL(location);
  expect(url.href.startsWith(CALLBACK)).toBe(true);
  return ctx.app.inject({
    url: `${url.pathname}${url.search}`,
    cookies: browser ? { taskflow_sso: browser } : {},
  });
}

async function ssoAs(login: string) {
  const { url, browser } = await start();
  return callback(await signInAtProvider(url, login), browser);
}

const refreshWith = (res: { cookies: { name: string; value: string }[] }) => {
  const token = res.cookies.find((c) => c.name === 'taskflow_refresh')?.value;
  return ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/refresh',
    cookies: token ? { taskflow_refresh: token } : {},
    headers: { origin: PUBLIC_URL, host: 'taskflow.test', 'x-taskflow-csrf': '1' },
  });
};

const auditTypes = async () =>
  (await ctx.database.db.selectFrom('audit_events').select(['type', 'detail']).execute()).map(
    (r) => `${r.type}:${(r.detail as { failure?: string }).failure ?? ''}`,
  );

describe('single sign-on with OpenID Connect', () => {
  it('lists the configured providers for the sign-in page', async () => {
    const res = await ctx.app.inject({ url: '/api/v1/auth/sso/providers' });
    expect(res.json()).toEqual({ items: [{ id: 'acme', name: 'Acme SSO' }] });
  });

  it('answers an unknown provider with a 404 problem', async () => {
    const res = await ctx.app.inject({ url: '/api/v1/auth/sso/nope/start' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('creates a verified, password-less account for a new address and signs it in', async () => {
    const res = await ssoAs('ada-sub');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/');
    const session = await refreshWith(res);
    expect(session.statusCode).toBe(200);
    expect(session.json().user).toMatchObject({
      email: 'ada@acme.test',
      name: 'Ada Lovelace',
      emailVerified: true,
    });
    expect(await auditTypes()).toContain('sso.account_created:');
    // No password: password sign-in fails like a wrong password.
    const password = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'ada@acme.test', password: testPassword },
    });
    expect(password.statusCode).toBe(401);
    expect(password.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('signs a returning user in to the same account', async () => {
    const res = await ssoAs('ada-sub');
    expect(res.headers.location).toBe('/');
    const session = await refreshWith(res);
    expect(session.json().user.email).toBe('ada@acme.test');
    const accounts = await ctx.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'ada@acme.test')
      .execute();
    expect(accounts).toHaveLength(1);
  });

  it('refuses a callback with another state, or without the browser cookie', async () => {
    const first = await start();
    const second = await start();
    const back = await signInAtProvider(first.url, 'mallory@acme.test');
    const swapped = await callback(back, second.browser);
    expect(swapped.headers.location).toBe('/sign-in?sso_error=state_invalid');
    const other = new URL(back);
    other.searchParams.set('state', second.state ?? '');
    const wrongState = await callback(other.href, first.browser);
    expect(wrongState.headers.location).toBe('/sign-in?sso_error=state_invalid');
    const noCookie = await callback(back, '');
    expect(noCookie.headers.location).toBe('/sign-in?sso_error=state_invalid');
    expect(await auditTypes()).toContain('sso.refused:state_invalid');
  });

  it('refuses an ID token whose nonce is not the one sent', async () => {
    const { url, browser, state } = await start();
    const back = await signInAtProvider(url, 'nonce@acme.test');
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256')
      .update(state ?? '')
      .digest('hex');
    const row = await ctx.database.db
      .selectFrom('sso_attempts')
      .select('detail')
      .where('token_hash', '=', hash)
      .executeTakeFirstOrThrow();
    await ctx.database.db
      .updateTable('sso_attempts')
      .set({ detail: JSON.stringify({ ...row.detail, nonce: 'another-nonce' }) })
      .where('token_hash', '=', hash)
      .execute();
    const res = await callback(back, browser);
    expect(res.headers.location).toBe('/sign-in?sso_error=token_invalid');
  });

  it('refuses an expired ID token', async () => {
    const { url, browser } = await start();
    const back = await signInAtProvider(url, 'late@acme.test');
    // The relying party's clock (the client library's, alone: the provider shares this process)
    // reads five minutes later: past the ID token's one minute, within the attempt's ten.
    const now = Date.now.bind(Date);
    const clock = vi
      .spyOn(Date, 'now')
      .mockImplementation(() =>
        new Error().stack?.includes('oauth4webapi') ? now() + 5 * 60_000 : now(),
      );
    try {
      const res = await callback(back, browser);
      expect(res.headers.location).toBe('/sign-in?sso_error=token_expired');
    } finally {
      clock.mockRestore();
    }
  });

  it('refuses an address of a domain the provider is not allowed for', async () => {
    const res = await ssoAs('eve@elsewhere.test');
    expect(res.headers.location).toBe('/sign-in?sso_error=domain_not_allowed');
  });

  it('refuses an address the provider has not verified', async () => {
    const res = await ssoAs('unverified@acme.test');
    expect(res.headers.location).toBe('/sign-in?sso_error=email_unverified');
    expect(await auditTypes()).toContain('sso.refused:email_unverified');
  });

  it('shows the provider refusing (access_denied) as a clear code', async () => {
    const { browser, state } = await start();
    const res = await callback(
      `${CALLBACK}?error=access_denied&state=${state}&iss=${encodeURIComponent(provider.issuer)}`,
      browser,
    );
    expect(res.headers.location).toBe('/sign-in?sso_error=denied');
  });

  it('links an existing account only with its password', async () => {
    await createVerifiedUser(ctx.app, ctx.database, 'grace@acme.test');
    const res = await ssoAs('grace@acme.test');
    const location = new URL(res.headers.location as string, PUBLIC_URL);
    expect(location.pathname).toBe('/sso/link');
    expect(res.cookies.find((c) => c.name === 'taskflow_refresh')).toBeUndefined();
    const linkToken = location.searchParams.get('token') ?? '';
    const link = (password: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sso/link',
        payload: { linkToken, password },
      });
    const wrong = await link('not the password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
    const right = await link(testPassword);
    expect(right.statusCode).toBe(200);
    expect(right.json().user.email).toBe('grace@acme.test');
    expect((await link(testPassword)).json().code).toBe('TOKEN_INVALID');
    // Linked: the next SSO sign-in goes straight in.
    expect((await ssoAs('grace@acme.test')).headers.location).toBe('/');
    const types = await auditTypes();
    expect(types).toContain('sso.link_failed:');
    expect(types).toContain('sso.linked:');

    const accessToken = right.json().accessToken as string;
    const headers = { authorization: `Bearer ${accessToken}` };
    const list = await ctx.app.inject({ url: '/api/v1/me/sso-identities', headers });
    expect(list.json().items).toMatchObject([
      { provider: 'acme', providerName: 'Acme SSO', email: 'grace@acme.test' },
    ]);
    const id = list.json().items[0].id as string;
    const unlink = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/sso-identities/${id}`,
      headers,
    });
    expect(unlink.statusCode).toBe(204);
    expect(await auditTypes()).toContain('sso.unlinked:');
  });

  it('links an account with two-factor sign-in on only with its password and a code', async () => {
    await createVerifiedUser(ctx.app, ctx.database, 'ida@acme.test');
    const { accessToken } = await signedIn(ctx.app, 'ida@acme.test');
    const headers = { authorization: `Bearer ${accessToken}` };
    const post = (url: string, payload: object) =>
      ctx.app.inject({ method: 'POST', url, payload, headers });
    const { secret } = (
      await post('/api/v1/me/two-factor/enrol', { password: testPassword })
    ).json();
    const confirm = await post('/api/v1/me/two-factor/confirm', {
      code: await generate({ secret }),
    });
    expect(confirm.statusCode).toBe(200);
    const recovery = (confirm.json().recoveryCodes as string[])[0] ?? '';

    const res = await ssoAs('ida@acme.test');
    const linkToken = new URL(res.headers.location as string, PUBLIC_URL).searchParams.get('token');
    const link = (payload: object) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sso/link',
        payload: { linkToken, password: testPassword, ...payload },
      });
    const withoutCode = await link({});
    expect(withoutCode.statusCode).toBe(401);
    expect(withoutCode.json().code).toBe('TWO_FACTOR_CODE_INVALID');
    expect((await link({ code: '000000' })).json().code).toBe('TWO_FACTOR_CODE_INVALID');
    // Still unlinked: the provider alone does not sign in.
    expect(
      new URL((await ssoAs('ida@acme.test')).headers.location as string, PUBLIC_URL).pathname,
    ).toBe('/sso/link');
    const linked = await link({ code: recovery });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().user.email).toBe('ida@acme.test');
  });

  it('keeps the only way to sign in of a password-less account, and blocks a disabled one', async () => {
    const res = await ssoAs('solo@acme.test');
    const session = (await refreshWith(res)).json();
    const headers = { authorization: `Bearer ${session.accessToken}` };
    const [identity] = (await ctx.app.inject({ url: '/api/v1/me/sso-identities', headers })).json()
      .items;
    const unlink = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/sso-identities/${identity.id}`,
      headers,
    });
    expect(unlink.statusCode).toBe(409);
    expect(unlink.json().code).toBe('LAST_SIGN_IN_METHOD');

    await ctx.database.db
      .updateTable('users')
      .set({ disabled_at: new Date() })
      .where('email', '=', 'solo@acme.test')
      .execute();
    expect((await ssoAs('solo@acme.test')).headers.location).toBe(
      '/sign-in?sso_error=account_disabled',
    );
  });

  it('never writes the client secret, codes or tokens to the log', () => {
    const text = ctx.logs.raw.join('\n');
    expect(text).not.toContain(TEST_CLIENT.secret);
    expect(text).not.toMatch(/(code|state|token)=[\w-]{20}/);
    expect(text).toContain('code=[redacted]');
  });
});
