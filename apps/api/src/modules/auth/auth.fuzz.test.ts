import { beforeAll, vi } from 'vitest';
import {
  browserUserAgent,
  createVerifiedUser,
  insertAdmin,
  testPassword,
  tokenFromOutbox,
} from '../../test/accounts.ts';
import { useFuzzApp } from '../../test/fuzz/app.ts';
import type { Examples, ReceivedResponse, SentRequest } from '../../test/fuzz/index.ts';
import { describeFuzz, type PlannedOperation } from '../../test/fuzz/runner.ts';

vi.mock('@node-rs/argon2', async (actual) =>
  (await import('../../test/fuzz/passwords.ts')).cheapArgon2(actual),
);

/**
 * Every auth, account and admin operation of the served OpenAPI document, fuzzed from its own
 * schemas: no answer may be a server error, an undeclared status or a body off its schema.
 */
const ctx = useFuzzApp({ AUTH_IP_RATE_LIMIT: '100000', AUTH_ACCOUNT_RATE_LIMIT: '10000' });

const ORIGIN = 'http://localhost:80';
const csrf = { origin: ORIGIN, host: 'localhost:80', 'x-taskflow-csrf': '1' };

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
    headers: { 'user-agent': browserUserAgent },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${account.email} failed: ${res.body}`);
  account.accessToken = res.json().accessToken;
  return res.cookies.find((c) => c.name === 'taskflow_refresh')?.value ?? '';
}

const account = { member, admin } as const;
const bearer = (account: Account) => ({ authorization: `Bearer ${account.accessToken}` });

/** Signs in again when a fuzzed request ended the session (revoke-all, a revoked session…). */
async function keepSignedIn(account: Account) {
  const res = await ctx.app.inject({ url: '/api/v1/me', headers: bearer(account) });
  if (res.statusCode === 401) await signIn(account);
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
  await insertAdmin(ctx.database);
  await createVerifiedUser(ctx.app, ctx.database, member.email);
  await createVerifiedUser(ctx.app, ctx.database, 'reset@example.com');
  await createVerifiedUser(ctx.app, ctx.database, 'victim@example.com');
  await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { email: 'pending@example.com', name: 'Pending', password: testPassword },
  });
  known.verifyToken = await tokenFromOutbox(ctx.database, 'pending@example.com');
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
  known.resetToken = await tokenFromOutbox(ctx.database, 'reset@example.com');

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

type Caller = 'anonymous' | 'member' | 'admin' | 'browser';
type Hook = (request: SentRequest, response: ReceivedResponse) => void;

/**
 * An operation sent by `caller`: nobody in particular, a browser with the refresh cookie, or a
 * signed-in member or admin, signed in again whenever a request may have ended the session.
 */
function by(
  caller: Caller,
  reaches: number[],
  examples?: () => Examples,
  afterEach?: Hook,
): PlannedOperation {
  if (caller === 'anonymous' || caller === 'browser') {
    return { headers: () => (caller === 'browser' ? csrf : {}), reaches, examples, afterEach };
  }
  const signedIn = account[caller];
  return {
    headers: () => bearer(signedIn),
    reaches,
    examples,
    afterEach: async (request, response) => {
      afterEach?.(request, response);
      // Only a request that succeeded can have ended the session (revoked it, changed the password).
      if (response.statusCode < 300) await keepSignedIn(signedIn);
    },
  };
}

const emails =
  (...more: string[]) =>
  () => ({ email: [member.email, ...more] });
const ids =
  (...values: (() => string)[]) =>
  () => ({ id: values.map((value) => value()) });
const jobIds = () => ({ id: known.jobs });
const newPassword: Hook = (request, response) => {
  if (response.statusCode === 204) member.password = JSON.parse(request.payload ?? '').newPassword;
};
const [adminId, memberId, victimId] = [
  () => known.adminId,
  () => known.memberId,
  () => known.victimId,
];

/** In run order: the account operations that can end sessions come after the others. */
const plan: Record<string, PlannedOperation> = {
  'POST /api/v1/auth/register': by('anonymous', [202, 400], emails('pending@example.com')),
  'POST /api/v1/auth/verify-email': by('anonymous', [200, 400], () => ({
    token: [known.verifyToken],
  })),
  'POST /api/v1/auth/verify-email/request': by(
    'anonymous',
    [202, 400],
    emails('pending@example.com'),
  ),
  'POST /api/v1/auth/password-reset/request': by(
    'anonymous',
    [202, 400],
    emails('reset@example.com'),
  ),
  'POST /api/v1/auth/password-reset': by('anonymous', [200, 400], () => ({
    token: [known.resetToken],
  })),
  'POST /api/v1/auth/sign-in': by('anonymous', [200, 400, 401, 403], () => ({
    email: [member.email, 'unverified@example.com'],
    password: [testPassword],
  })),
  'POST /api/v1/auth/refresh': by('browser', [200, 401, 403], () => ({
    taskflow_refresh: [known.refreshTokens[0]],
  })),
  'POST /api/v1/auth/sign-out': by('browser', [204, 403], () => ({
    taskflow_refresh: [known.refreshTokens[1]],
  })),
  'GET /api/v1/me': by('member', [200, 401]),
  'PATCH /api/v1/me': by('member', [200, 400, 401]),
  'GET /api/v1/me/sessions': by('member', [200, 401]),
  'GET /api/v1/me/work': by('member', [200, 400, 401], () => ({
    tz: ['Europe/Paris', 'America/New_York', 'Pacific/Kiritimati'],
  })),
  'POST /api/v1/me/sessions/{id}/revoke': by('member', [204, 400, 401, 404], () => ({
    id: known.memberSessions,
    password: [testPassword],
  })),
  'POST /api/v1/me/sessions/revoke-all': by('member', [204, 400, 401], () => ({
    password: [testPassword],
  })),
  'POST /api/v1/me/password': by(
    'member',
    [204, 400, 401],
    () => ({ currentPassword: [testPassword] }),
    newPassword,
  ),
  'GET /api/v1/admin/mail-outbox': by('admin', [200, 400, 401]),
  'POST /api/v1/admin/users/{id}/sessions/revoke': by(
    'admin',
    [204, 400, 401, 404],
    ids(memberId, adminId),
  ),
  'POST /api/v1/admin/users/{id}/disable': by(
    'admin',
    [204, 400, 401, 404],
    ids(victimId, adminId),
  ),
  'POST /api/v1/admin/users/{id}/enable': by('admin', [200, 400, 401, 404], ids(victimId)),
  'GET /api/v1/admin/users': by('admin', [200, 400, 401], () => ({
    q: ['member', 'example.com', '%_\\'],
  })),
  'GET /api/v1/admin/stats': by('admin', [200, 400, 401], () => ({
    tz: ['Europe/Paris', 'Pacific/Chatham'],
  })),
  'GET /api/v1/admin/jobs': by('admin', [200, 400, 401], () => ({
    type: ['mail.send', 'mail.send__dead'],
    cursor: [known.jobCursor],
  })),
  'GET /api/v1/admin/jobs/stats': by('admin', [200, 401]),
  'GET /api/v1/admin/jobs/{id}': by('admin', [200, 400, 401, 404], jobIds),
  'POST /api/v1/admin/jobs/{id}/cancel': by('admin', [200, 400, 401, 404, 409], jobIds),
  'POST /api/v1/admin/jobs/{id}/retry': by('admin', [200, 400, 401, 404, 409], jobIds),
  'GET /api/v1/health/detailed': by('admin', [200, 401]),
  // An in-memory database: nothing to back up (409), no backup to download.
  'GET /api/v1/admin/backups': by('admin', [200, 401]),
  'POST /api/v1/admin/backups': by('admin', [401, 409]),
  'GET /api/v1/admin/backups/{name}/download': by('admin', [400, 401, 404]),
  // Last: it can demote the victim and back, never the only administrator (409).
  'PATCH /api/v1/admin/users/{id}': by('admin', [200, 400, 401, 404, 409], ids(victimId, adminId)),
};

describeFuzz('schema-driven fuzzing of the auth, account and admin operations', {
  tags: ['auth', 'account', 'admin'],
  target: () => ctx,
  // 200, not 100: with these seeds it takes that many for register to hit a NUL in `name`.
  runs: 200,
  plan,
});
