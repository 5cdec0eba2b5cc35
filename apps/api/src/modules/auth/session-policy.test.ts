import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/database.ts';
import { createVerifiedUser, testPassword } from '../../test/accounts.ts';
import { buildTestApp } from '../../test/app.ts';
import { createMigratedTestDatabase } from '../../test/database.ts';

let database: Database;
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let https: Awaited<ReturnType<typeof buildTestApp>>;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  ctx = await buildTestApp(database);
  https = await buildTestApp(database, { PUBLIC_URL: 'https://tasks.example' });
  await createVerifiedUser(ctx.app, database, 'kim@example.com');
});
afterAll(async () => {
  await ctx.app.close();
  await https.app.close();
  await database.close();
});

const signIn = (app = ctx.app) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email: 'kim@example.com', password: testPassword },
  });

async function sessionWithCookie() {
  const res = await signIn();
  const cookie = res.cookies.find((c) => c.name === 'taskflow_refresh')?.value ?? '';
  const session = await database.db
    .selectFrom('sessions')
    .selectAll()
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  return { cookie, session };
}

/** Lets one of a session's deadlines lapse: it was a second ago. */
const lapse = (deadline: 'idle_expires_at' | 'absolute_expires_at', sessionId: string) =>
  database.db
    .updateTable('sessions')
    .set({ [deadline]: new Date(Date.now() - 1000) })
    .where('id', '=', sessionId)
    .execute();

const refresh = (cookie: string) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/refresh',
    cookies: { taskflow_refresh: cookie },
    headers: { origin: 'http://localhost:80', host: 'localhost:80', 'x-taskflow-csrf': '1' },
  });

describe('session lifetimes', () => {
  it('a session idle past its timeout cannot be refreshed', async () => {
    const { cookie, session } = await sessionWithCookie();
    await lapse('idle_expires_at', session.id);
    expect((await refresh(cookie)).statusCode).toBe(401);
  });

  it('refreshing extends the idle timeout but never the absolute lifetime', async () => {
    const { cookie, session } = await sessionWithCookie();
    const res = await refresh(cookie);
    expect(res.statusCode).toBe(200);
    const after = await database.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', session.id)
      .executeTakeFirstOrThrow();
    expect(new Date(after.idle_expires_at).getTime()).toBeGreaterThanOrEqual(
      new Date(session.idle_expires_at).getTime(),
    );
    expect(new Date(after.absolute_expires_at).getTime()).toBe(
      new Date(session.absolute_expires_at).getTime(),
    );
    const maxLifetimeMs = ctx.config.auth.absoluteLifetimeSeconds * 1000;
    expect(
      new Date(session.absolute_expires_at).getTime() - new Date(session.created_at).getTime(),
    ).toBeLessThanOrEqual(maxLifetimeMs + 5000);
  });

  it('a session past its absolute lifetime cannot be refreshed, however active', async () => {
    const { cookie, session } = await sessionWithCookie();
    await lapse('absolute_expires_at', session.id);
    const res = await refresh(cookie);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
  });
});

describe('refresh cookie over HTTPS', () => {
  it('is Secure and carries the __Secure- prefix', async () => {
    const res = await signIn(https.app);
    const cookie = res.cookies.find((c) => c.name === '__Secure-taskflow_refresh');
    expect(cookie).toMatchObject({
      secure: true,
      httpOnly: true,
      sameSite: 'Strict',
      path: '/api/v1/auth',
    });
  });
});

describe('CORS-safelisted requests', () => {
  it('cannot reach sign-in: a plain-text or form body is refused before any credential check', async () => {
    const body = JSON.stringify({ email: 'kim@example.com', password: testPassword });
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: body,
        headers: { 'content-type': type },
      });
      expect([400, 415]).toContain(res.statusCode);
      expect(res.cookies).toHaveLength(0);
    }
  });
});
