import { afterAll, beforeAll, vi } from 'vitest';
import { createVerifiedUser, testPassword } from '../../test/accounts.ts';
import { useFuzzApp } from '../../test/fuzz/app.ts';
import { describeFuzz, type PlannedOperation } from '../../test/fuzz/runner.ts';
import { signInAtProvider, startTestProvider, TEST_CLIENT } from '../../test/oidc-provider.ts';

vi.mock('@node-rs/argon2', async (actual) =>
  (await import('../../test/fuzz/passwords.ts')).cheapArgon2(actual),
);

/** Single sign-on's operations, fuzzed from their schemas against a real test provider. */
const PUBLIC_URL = 'http://taskflow.test';
const provider = await startTestProvider({
  redirectUris: [`${PUBLIC_URL}/api/v1/auth/sso/acme/callback`],
});
afterAll(() => provider.close());

const ctx = useFuzzApp({
  AUTH_IP_RATE_LIMIT: '100000',
  AUTH_ACCOUNT_RATE_LIMIT: '10000',
  PUBLIC_URL,
  OIDC_PROVIDERS: 'acme',
  OIDC_ACME_ISSUER: provider.issuer,
  OIDC_ACME_CLIENT_ID: TEST_CLIENT.id,
  OIDC_ACME_CLIENT_SECRET: TEST_CLIENT.secret,
});

const member = { email: 'member@example.com', accessToken: '' };
const known = { states: [] as string[], linkTokens: [] as string[] };

async function start() {
  const res = await ctx.app.inject({ url: '/api/v1/auth/sso/acme/start' });
  const url = res.headers.location as string;
  const browser = res.cookies.find((c) => c.name === 'taskflow_sso')?.value ?? '';
  return { url, browser, state: new URL(url).searchParams.get('state') ?? '' };
}

async function signIn() {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email: member.email, password: testPassword },
  });
  member.accessToken = res.json().accessToken;
}

beforeAll(async () => {
  await createVerifiedUser(ctx.app, ctx.database, member.email);
  await signIn();
  for (let i = 0; i < 2; i++) known.states.push((await start()).state);
  // A provider identity with the member's address: its callback hands out a link token.
  const { url, browser } = await start();
  const back = new URL(await signInAtProvider(url, member.email));
  const res = await ctx.app.inject({
    url: `${back.pathname}${back.search}`,
    cookies: { taskflow_sso: browser },
  });
  const location = new URL(res.headers.location as string, PUBLIC_URL);
  known.linkTokens.push(location.searchParams.get('token') ?? '');
});

const anonymous = (reaches: number[], examples?: PlannedOperation['examples']) => ({
  headers: () => ({}),
  reaches,
  examples,
});
const signedIn = (reaches: number[], examples?: PlannedOperation['examples']) => ({
  headers: () => ({ authorization: `Bearer ${member.accessToken}` }),
  reaches,
  examples,
});

describeFuzz('schema-driven fuzzing of the single sign-on operations', {
  tags: ['sso'],
  target: () => ctx,
  runs: 100,
  plan: {
    'GET /api/v1/auth/sso/providers': anonymous([200]),
    'GET /api/v1/auth/sso/{provider}/start': anonymous([302, 400, 404], () => ({
      provider: ['acme'],
    })),
    'GET /api/v1/auth/sso/{provider}/callback': anonymous([302, 400, 404], () => ({
      provider: ['acme'],
      state: known.states,
      error: ['access_denied'],
    })),
    'POST /api/v1/auth/sso/link': anonymous([400, 401], () => ({
      linkToken: known.linkTokens,
    })),
    'GET /api/v1/me/sso-identities': signedIn([200, 401]),
    'DELETE /api/v1/me/sso-identities/{id}': signedIn([400, 401, 404]),
  },
});
