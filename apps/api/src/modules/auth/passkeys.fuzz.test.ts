import { generate } from 'otplib';
import { beforeAll, vi } from 'vitest';
import { createVerifiedUser, signedIn, testPassword } from '../../test/accounts.ts';
import { useFuzzApp } from '../../test/fuzz/app.ts';
import { describeFuzz, type PlannedOperation } from '../../test/fuzz/runner.ts';
import { softwarePasskey } from '../../test/passkey-authenticator.ts';

vi.mock('@node-rs/argon2', async (actual) =>
  (await import('../../test/fuzz/passwords.ts')).cheapArgon2(actual),
);

/**
 * The passkey operations of the served OpenAPI document, fuzzed from their own schemas: no
 * answer may be a server error, an undeclared status or a body off its schema.
 */
const origin = 'http://localhost:5173';
const ctx = useFuzzApp({
  PUBLIC_URL: origin,
  AUTH_IP_RATE_LIMIT: '100000',
  AUTH_ACCOUNT_RATE_LIMIT: '10000',
});

const tokens = { member: '', other: '' };
const known = {
  own: [] as string[],
  theirs: '',
  challengeIds: [] as string[],
  challenges: [] as string[],
};

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const post = (url: string, payload: object, token?: string) =>
  ctx.app.inject({ method: 'POST', url, payload, headers: token ? bearer(token) : {} });

async function addPasskey(token: string, name: string) {
  const key = softwarePasskey({ origin, rpId: 'localhost' });
  const { challengeId, options } = (
    await post('/api/v1/me/passkeys/registration-options', { password: testPassword }, token)
  ).json();
  const res = await post(
    '/api/v1/me/passkeys',
    { challengeId, name, credential: key.attest(options) },
    token,
  );
  return res.json().id as string;
}

beforeAll(async () => {
  for (const name of ['member', 'other'] as const) {
    await createVerifiedUser(ctx.app, ctx.database, `${name}@example.com`);
    tokens[name] = (await signedIn(ctx.app, `${name}@example.com`)).accessToken;
  }
  known.own = [await addPasskey(tokens.member, 'Laptop'), await addPasskey(tokens.member, 'Phone')];
  known.theirs = await addPasskey(tokens.other, 'Theirs');
  const { secret } = (
    await post('/api/v1/me/two-factor/enrol', { password: testPassword }, tokens.member)
  ).json();
  await post('/api/v1/me/two-factor/confirm', { code: await generate({ secret }) }, tokens.member);
  for (let i = 0; i < 3; i++) {
    known.challengeIds.push((await post('/api/v1/auth/passkey/options', {})).json().challengeId);
    const res = await post('/api/v1/auth/sign-in', {
      email: 'member@example.com',
      password: testPassword,
    });
    known.challenges.push(res.json().challenge);
  }
});

const by = (
  who: keyof typeof tokens | 'anonymous',
  reaches: number[],
  examples?: PlannedOperation['examples'],
): PlannedOperation => ({
  headers: () => (who === 'anonymous' ? {} : bearer(tokens[who])),
  reaches,
  examples,
});

const ids = () => ({ id: [...known.own, known.theirs], name: ['Laptop', 'Work'] });

/** In run order: removing comes last. */
const plan: Record<string, PlannedOperation> = {
  'POST /api/v1/auth/passkey/options': by('anonymous', [200]),
  'POST /api/v1/auth/passkey/sign-in': by('anonymous', [400], () => ({
    challengeId: known.challengeIds,
  })),
  'POST /api/v1/auth/sign-in/two-factor/passkey-options': by('anonymous', [200, 400], () => ({
    challenge: known.challenges,
  })),
  'POST /api/v1/auth/sign-in/two-factor/passkey': by('anonymous', [400], () => ({
    challenge: known.challenges,
    challengeId: known.challengeIds,
  })),
  'GET /api/v1/me/passkeys': by('member', [200]),
  'POST /api/v1/me/passkeys/registration-options': by('member', [200, 400], () => ({
    password: [testPassword],
  })),
  'POST /api/v1/me/passkeys': by('member', [400]),
  'PATCH /api/v1/me/passkeys/{id}': by('member', [200, 400, 404], ids),
  'DELETE /api/v1/me/passkeys/{id}': by('member', [400, 404], () => ({
    ...ids(),
    password: [testPassword, 'wrong password'],
  })),
};

describeFuzz('schema-driven fuzzing of the passkey operations', {
  tags: ['passkeys'],
  target: () => ctx,
  runs: 100,
  plan,
});
