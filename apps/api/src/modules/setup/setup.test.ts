import { describe, expect, it } from 'vitest';
import { createVerifiedUser, signedIn, testPassword } from '../../test/accounts.ts';
import { bodyOf, createApiClient } from '../../test/api-client.ts';
import { useTestApp } from '../../test/app.ts';
import { createSetupRepository } from './setup.repository.ts';
import { issueSetupLink } from './setup.service.ts';

const ctx = useTestApp();
const account = { email: 'First@Example.com', name: 'First Admin', password: testPassword };

const issue = async () => {
  const link = await issueSetupLink(createSetupRepository(ctx.database.db));
  if (!link) throw new Error('no link was issued');
  return link.token;
};

const demoteEveryAdmin = () =>
  ctx.database.db.updateTable('users').set({ role: 'user' }).where('role', '=', 'admin').execute();

describe('the first administrator from a setup link', () => {
  it('checks a link, makes a verified admin once, then answers 410 SETUP_LINK_USED', async () => {
    const api = createApiClient(ctx.app);
    const token = await issue();
    const open = bodyOf(await api.post('/api/v1/setup/check', { body: { token } }), 200);
    expect(open.state).toBe('open');
    expect(Date.parse(open.expiresAt) - Date.now()).toBeGreaterThan(23 * 3600_000);

    const weak = await api.post('/api/v1/setup/account', {
      body: { token, email: 'x@example.com', name: 'X', password: 'password' },
    });
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ code: 'VALIDATION_FAILED' });

    const made = bodyOf(
      await api.post('/api/v1/setup/account', { body: { token, ...account } }),
      201,
    );
    expect(made).toMatchObject({ email: 'first@example.com', role: 'admin', emailVerified: true });
    // The account signs in at once (verified) with an admin token.
    const admin = await signedIn(ctx.app, 'first@example.com');
    expect((await admin.get('/api/v1/admin/users')).statusCode).toBe(200);

    for (const again of [
      api.post('/api/v1/setup/account', {
        body: { token, ...account, email: 'second@example.com' },
      }),
      api.post('/api/v1/setup/check', { body: { token } }),
    ]) {
      const res = await again;
      expect(res.status).toBe(410);
      expect(res.body).toMatchObject({ code: 'SETUP_LINK_USED', status: 410 });
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    // While an administrator exists, no link is issued.
    expect(await issueSetupLink(createSetupRepository(ctx.database.db))).toBeUndefined();
    await demoteEveryAdmin();
  });

  it('answers 404 SETUP_LINK_INVALID for an unknown, replaced or expired link', async () => {
    const api = createApiClient(ctx.app);
    const first = await issue();
    const second = await issue();
    const unknown = 'x'.repeat(43);
    for (const token of [unknown, first]) {
      const res = await api.post('/api/v1/setup/check', { body: { token } });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 'SETUP_LINK_INVALID' });
    }
    await ctx.database.db
      .updateTable('setup_links')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    const expired = await api.post('/api/v1/setup/account', {
      body: { token: second, ...account, email: 'late@example.com' },
    });
    expect(expired.status).toBe(404);
    // Nothing was made by the refused request.
    const late = await ctx.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'late@example.com')
      .executeTakeFirst();
    expect(late).toBeUndefined();
  });

  it('makes the signed-in caller admin once; a second caller gets 410', async () => {
    await createVerifiedUser(ctx.app, ctx.database, 'member@example.com');
    await createVerifiedUser(ctx.app, ctx.database, 'other@example.com');
    const member = await signedIn(ctx.app, 'member@example.com');
    const other = await signedIn(ctx.app, 'other@example.com');
    const token = await issue();

    const anonymous = await createApiClient(ctx.app).post('/api/v1/setup/promote', {
      body: { token },
    });
    expect(anonymous.status).toBe(401);

    const promoted = bodyOf(
      await member.api.post('/api/v1/setup/promote', { body: { token } }),
      200,
    );
    expect(promoted).toMatchObject({ email: 'member@example.com', role: 'admin' });
    const refused = await other.api.post('/api/v1/setup/promote', { body: { token } });
    expect(refused.status).toBe(410);
    expect(refused.body).toMatchObject({ code: 'SETUP_LINK_USED' });
    await demoteEveryAdmin();
  });

  it('refuses two uses at once: exactly one succeeds', async () => {
    const api = createApiClient(ctx.app);
    const token = await issue();
    const results = await Promise.all(
      ['a', 'b', 'c'].map((n) =>
        api.post('/api/v1/setup/account', {
          body: { token, ...account, email: `race-${n}@example.com` },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 410, 410]);
    await demoteEveryAdmin();
  });

  it('never logs the token of a setup page or request', async () => {
    const token = await issue();
    await ctx.app.inject({ method: 'GET', url: `/setup/${token}` });
    await createApiClient(ctx.app).post('/api/v1/setup/check', { body: { token } });
    expect(ctx.logs.raw.some((line) => line.includes(token))).toBe(false);
    expect(ctx.logs.raw.some((line) => line.includes('/setup/[redacted]'))).toBe(true);
  });
});
