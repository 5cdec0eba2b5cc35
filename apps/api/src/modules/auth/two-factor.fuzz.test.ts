import { generate } from 'otplib';
import { beforeAll, vi } from 'vitest';
import { createVerifiedUser, insertAdmin, signedIn, testPassword } from '../../test/accounts.ts';
import { useFuzzApp } from '../../test/fuzz/app.ts';
import { describeFuzz, type PlannedOperation } from '../../test/fuzz/runner.ts';

vi.mock('@node-rs/argon2', async (actual) =>
  (await import('../../test/fuzz/passwords.ts')).cheapArgon2(actual),
);

/**
 * The two-factor operations of the served OpenAPI document, fuzzed from their own schemas: no
 * answer may be a server error, an undeclared status or a body off its schema.
 */
const ctx = useFuzzApp({ AUTH_IP_RATE_LIMIT: '100000', AUTH_ACCOUNT_RATE_LIMIT: '10000' });

const tokens = { member: '', enrolled: '', admin: '' };
const known = { challenges: [] as string[], codes: [] as string[], recovery: [] as string[] };

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const post = (url: string, payload: object, token?: string) =>
  ctx.app.inject({ method: 'POST', url, payload, headers: token ? bearer(token) : {} });

beforeAll(async () => {
  await insertAdmin(ctx.database);
  tokens.admin = (await signedIn(ctx.app, 'admin@example.com')).accessToken;
  for (const name of ['member', 'enrolled'] as const) {
    await createVerifiedUser(ctx.app, ctx.database, `${name}@example.com`);
    tokens[name] = (await signedIn(ctx.app, `${name}@example.com`)).accessToken;
  }
  const { secret } = (
    await post('/api/v1/me/two-factor/enrol', { password: testPassword }, tokens.enrolled)
  ).json();
  const confirmed = await post(
    '/api/v1/me/two-factor/confirm',
    { code: await generate({ secret }) },
    tokens.enrolled,
  );
  known.recovery = confirmed.json().recoveryCodes;
  known.codes = [await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 })];
  for (let i = 0; i < 3; i++) {
    const res = await post('/api/v1/auth/sign-in', {
      email: 'enrolled@example.com',
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

/** Wrong codes only on the account routes: a success would end what the next runs need. */
const plan: Record<string, PlannedOperation> = {
  'POST /api/v1/auth/sign-in/two-factor': by('anonymous', [400, 401], () => ({
    challenge: known.challenges,
    code: [...known.codes, ...known.recovery.slice(0, 3)],
  })),
  'GET /api/v1/me/two-factor': by('enrolled', [200]),
  'POST /api/v1/me/two-factor/enrol': by('member', [200, 400], () => ({
    password: [testPassword],
  })),
  'POST /api/v1/me/two-factor/confirm': by('member', [400]),
  'POST /api/v1/me/two-factor/recovery-codes': by('enrolled', [400]),
  'POST /api/v1/me/two-factor/disable': by('enrolled', [400], () => ({
    password: [testPassword],
  })),
  'GET /api/v1/admin/settings/security': by('admin', [200]),
  'PATCH /api/v1/admin/settings/security': by('admin', [200, 400, 409]),
};

describeFuzz('schema-driven fuzzing of the two-factor operations', {
  tags: ['two-factor'],
  target: () => ctx,
  runs: 100,
  plan,
});
