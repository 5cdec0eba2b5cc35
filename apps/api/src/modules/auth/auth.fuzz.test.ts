import { beforeAll, describe, expect, it } from 'vitest';
import { createVerifiedUser, testPassword } from '../../test/accounts.ts';
import { useTestApp } from '../../test/app.ts';
import {
  type Examples,
  type FuzzReport,
  fuzzOperation,
  listOperations,
  loadOpenApiDocument,
  type OpenApiDocument,
  operationKey,
  type ReceivedResponse,
  type SentRequest,
} from '../../test/fuzz/index.ts';
import { createAuthRepository } from './auth.repository.ts';
import { createPasswordService } from './password.ts';

/**
 * Every auth, account and admin operation of the served OpenAPI document, fuzzed from its own
 * schemas: no answer may be a server error, an undeclared status or a body off its schema.
 */

// Limits high enough never to mask what a request does.
const ctx = useTestApp({
  RATE_LIMIT_MAX: '1000000',
  AUTH_IP_RATE_LIMIT: '100000',
  AUTH_ACCOUNT_RATE_LIMIT: '10000',
});
let doc: OpenApiDocument;

const ORIGIN = 'http://localhost:80';
const csrf = { origin: ORIGIN, host: 'localhost:80', 'x-taskflow-csrf': '1' };
const browser =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

type Account = { email: string; password: string; accessToken: string };
const member: Account = { email: 'member@example.com', password: testPassword, accessToken: '' };
const admin: Account = { email: 'admin@example.com', password: testPassword, accessToken: '' };
/** Real values for the fuzzer to mix in, so the success paths are reached too. */
const known = {
  verifyToken: '',
  resetToken: '',
  refreshTokens: [] as string[],
  memberSessions: [] as string[],
  adminId: '',
  memberId: '',
  victimId: '',
  /** A completed, a dead-lettered (failed) and a far-off (created) job. */
  jobs: [] as string[],
  jobCursor: '',
};

async function signIn(account: Account) {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email: account.email, password: account.password },
    headers: { 'user-agent': browser },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${account.email} failed: ${res.body}`);
  account.accessToken = res.json().accessToken;
  return res.cookies.find((c) => c.name === 'taskflow_refresh')?.value ?? '';
}

const bearer = (account: Account) => ({ authorization: `Bearer ${account.accessToken}` });

/** Signs in again when a fuzzed request ended the session (revoke-all, a revoked session…). */
async function keepSignedIn(account: Account) {
  const res = await ctx.app.inject({ url: '/api/v1/me', headers: bearer(account) });
  if (res.statusCode === 401) await signIn(account);
}

async function tokenFromOutbox(to: string) {
  const mail = await ctx.database.db
    .selectFrom('mail_outbox')
    .select('text_body')
    .where('to_address', '=', to)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  return mail.text_body.match(/token=([\w-]+)/)?.[1] ?? '';
}

async function userId(email: string) {
  const row = await ctx.database.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  doc = await loadOpenApiDocument(ctx.app);

  const passwordHash = await createPasswordService().hash(testPassword);
  await createAuthRepository(ctx.database.db).insertAdmin({
    email: admin.email,
    name: 'Admin',
    passwordHash,
  });
  await createVerifiedUser(ctx.app, ctx.database, member.email);
  await createVerifiedUser(ctx.app, ctx.database, 'reset@example.com');
  await createVerifiedUser(ctx.app, ctx.database, 'victim@example.com');
  await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { email: 'pending@example.com', name: 'Pending', password: testPassword },
  });
  known.verifyToken = await tokenFromOutbox('pending@example.com');
  await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { email: 'unverified@example.com', name: 'Unverified', password: testPassword },
  });
  await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/password-reset/request',
    payload: { email: 'reset@example.com' },
  });
  known.resetToken = await tokenFromOutbox('reset@example.com');

  known.refreshTokens = [await signIn(member), await signIn(member)];
  await signIn(member);
  await signIn(admin);
  const sessions = await ctx.app.inject({ url: '/api/v1/me/sessions', headers: bearer(member) });
  known.memberSessions = (sessions.json().items as { id: string }[]).map((s) => s.id);
  known.adminId = await userId(admin.email);
  known.memberId = await userId(member.email);
  known.victimId = await userId('victim@example.com');
  await seedJobs();
});

/** Jobs in the states the admin operations act on: done, failed (bad payload), waiting. */
async function seedJobs() {
  const { queue, definitions } = ctx.jobs;
  const done = await queue.enqueue(definitions.sendMail, {
    to: member.email,
    subject: 'Fuzz',
    text: 'Done',
  });
  const failed = await queue.boss.send('mail.send', { payload: { to: 'not an address' } });
  const waiting = await queue.boss.send(
    'mail.send',
    { payload: { to: member.email, subject: 'Later', text: 'Later' }, requestId: null },
    { startAfter: 3_600 },
  );
  known.jobs = [done, failed, waiting].filter((id): id is string => id !== null);
  const admin = { authorization: `Bearer ${account.admin.accessToken}` };
  for (let i = 0; i < 100; i++) {
    const list = await ctx.app.inject({ url: '/api/v1/admin/jobs?limit=1', headers: admin });
    const states = (
      await ctx.app.inject({ url: '/api/v1/admin/jobs/stats', headers: admin })
    ).json();
    known.jobCursor = list.json().nextCursor ?? '';
    if (states.byState.completed >= 1 && states.byState.failed >= 1) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the seeded jobs did not settle');
}

type Plan = {
  /** Who sends the requests: nobody in particular, a signed-in member or admin, or a browser with the refresh cookie. */
  caller: 'anonymous' | 'member' | 'admin' | 'browser';
  examples?: () => Examples;
  /** Statuses the run must have produced, so the generator is known to reach them. */
  reaches: number[];
  afterEach?: (request: SentRequest, response: ReceivedResponse) => void;
};

/** In run order: the account operations that can end sessions come after the others. */
const plan: Record<string, Plan> = {
  'POST /api/v1/auth/register': {
    caller: 'anonymous',
    examples: () => ({ email: [member.email, 'pending@example.com'] }),
    reaches: [202, 400],
  },
  'POST /api/v1/auth/verify-email': {
    caller: 'anonymous',
    examples: () => ({ token: [known.verifyToken] }),
    reaches: [200, 400],
  },
  'POST /api/v1/auth/verify-email/request': {
    caller: 'anonymous',
    examples: () => ({ email: [member.email, 'pending@example.com'] }),
    reaches: [202, 400],
  },
  'POST /api/v1/auth/password-reset/request': {
    caller: 'anonymous',
    examples: () => ({ email: [member.email, 'reset@example.com'] }),
    reaches: [202, 400],
  },
  'POST /api/v1/auth/password-reset': {
    caller: 'anonymous',
    examples: () => ({ token: [known.resetToken] }),
    reaches: [200, 400],
  },
  'POST /api/v1/auth/sign-in': {
    caller: 'anonymous',
    examples: () => ({ email: [member.email, 'unverified@example.com'], password: [testPassword] }),
    reaches: [200, 400, 401, 403],
  },
  'POST /api/v1/auth/refresh': {
    caller: 'browser',
    examples: () => ({ taskflow_refresh: [known.refreshTokens[0]] }),
    reaches: [200, 401, 403],
  },
  'POST /api/v1/auth/sign-out': {
    caller: 'browser',
    examples: () => ({ taskflow_refresh: [known.refreshTokens[1]] }),
    reaches: [204, 403],
  },
  'GET /api/v1/me': { caller: 'member', reaches: [200, 401] },
  'PATCH /api/v1/me': { caller: 'member', reaches: [200, 400, 401] },
  'GET /api/v1/me/sessions': { caller: 'member', reaches: [200, 401] },
  'POST /api/v1/me/sessions/{id}/revoke': {
    caller: 'member',
    examples: () => ({ id: known.memberSessions, password: [testPassword] }),
    reaches: [204, 400, 401, 404],
  },
  'POST /api/v1/me/sessions/revoke-all': {
    caller: 'member',
    examples: () => ({ password: [testPassword] }),
    reaches: [204, 400, 401],
  },
  'POST /api/v1/me/password': {
    caller: 'member',
    examples: () => ({ currentPassword: [testPassword] }),
    reaches: [204, 400, 401],
    afterEach: (request, response) => {
      if (response.statusCode === 204)
        member.password = JSON.parse(request.payload ?? '').newPassword;
    },
  },
  'GET /api/v1/admin/mail-outbox': { caller: 'admin', reaches: [200, 400, 401] },
  'POST /api/v1/admin/users/{id}/sessions/revoke': {
    caller: 'admin',
    examples: () => ({ id: [known.memberId, known.adminId] }),
    reaches: [204, 400, 401, 404],
  },
  'POST /api/v1/admin/users/{id}/disable': {
    caller: 'admin',
    examples: () => ({ id: [known.victimId, known.adminId] }),
    reaches: [204, 400, 401, 404],
  },
  'POST /api/v1/admin/users/{id}/enable': {
    caller: 'admin',
    examples: () => ({ id: [known.victimId] }),
    reaches: [200, 400, 401, 404],
  },
  'GET /api/v1/admin/users': {
    caller: 'admin',
    examples: () => ({ q: ['member', 'example.com', '%_\\'] }),
    reaches: [200, 400, 401],
  },
  'GET /api/v1/admin/stats': {
    caller: 'admin',
    examples: () => ({ tz: ['Europe/Paris', 'Pacific/Chatham'] }),
    reaches: [200, 400, 401],
  },
  'GET /api/v1/admin/jobs': {
    caller: 'admin',
    examples: () => ({ type: ['mail.send', 'mail.send__dead'], cursor: [known.jobCursor] }),
    reaches: [200, 400, 401],
  },
  'GET /api/v1/admin/jobs/stats': { caller: 'admin', reaches: [200, 401] },
  'GET /api/v1/admin/jobs/{id}': {
    caller: 'admin',
    examples: () => ({ id: known.jobs }),
    reaches: [200, 400, 401, 404],
  },
  'POST /api/v1/admin/jobs/{id}/cancel': {
    caller: 'admin',
    examples: () => ({ id: known.jobs }),
    reaches: [200, 400, 401, 404, 409],
  },
  'POST /api/v1/admin/jobs/{id}/retry': {
    caller: 'admin',
    examples: () => ({ id: known.jobs }),
    reaches: [200, 400, 401, 404, 409],
  },
  'GET /api/v1/health/detailed': { caller: 'admin', reaches: [200, 401] },
  // Last: it can demote the victim and back, never the only administrator (409).
  'PATCH /api/v1/admin/users/{id}': {
    caller: 'admin',
    examples: () => ({ id: [known.victimId, known.adminId] }),
    reaches: [200, 400, 401, 404, 409],
  },
};

const account = { member, admin } as const;

describe('schema-driven fuzzing of the auth, account and admin operations', () => {
  it('covers every operation the document tags auth, account or admin', () => {
    const documented = listOperations(doc, ['auth', 'account', 'admin']).map(operationKey);
    expect(Object.keys(plan).sort()).toEqual(documented.sort());
  });

  for (const [key, { caller, examples, reaches, afterEach }] of Object.entries(plan)) {
    const [method = '', path = ''] = key.split(' ');
    it(`${key} answers every generated request as documented`, async () => {
      const signedIn = caller === 'member' || caller === 'admin' ? account[caller] : undefined;
      const report: FuzzReport = await fuzzOperation(ctx.app, doc, {
        method,
        path,
        // 200, not 100: with these seeds it takes that many for register to hit a NUL in `name`.
        runs: 200,
        headers: () => (signedIn ? bearer(signedIn) : caller === 'browser' ? csrf : {}),
        ...(examples ? { examples: examples() } : {}),
        afterEach: async (request, response) => {
          afterEach?.(request, response);
          if (signedIn) await keepSignedIn(signedIn);
        },
      });
      expect(Object.keys(report.statuses).map(Number)).toEqual(expect.arrayContaining(reaches));
    }, 120_000);
  }
});
