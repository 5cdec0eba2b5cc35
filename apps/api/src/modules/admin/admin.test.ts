import { beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, createVerifiedUser, signedIn, testPassword } from '../../test/accounts.ts';
import { bodyOf } from '../../test/api-client.ts';
import { useTestApp } from '../../test/app.ts';

const ctx = useTestApp();

beforeAll(async () => {
  await createAdmin(ctx.app, ctx.database);
  await createVerifiedUser(ctx.app, ctx.database, 'member@example.com');
});

describe('admin routes', () => {
  it('are forbidden to a user and to no one', async () => {
    const member = await signedIn(ctx.app, 'member@example.com');
    const res = await member.get('/api/v1/admin/mail-outbox');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
    expect((await ctx.app.inject({ url: '/api/v1/admin/mail-outbox' })).statusCode).toBe(401);
  });

  it('the outbox lists mails newest first', async () => {
    const admin = await signedIn(ctx.app, 'admin@example.com');
    const res = await admin.api.get('/api/v1/admin/mail-outbox', { query: { limit: 5 } });
    const { items } = bodyOf(res, 200);
    expect(items[0]).toMatchObject({
      to: 'member@example.com',
      subject: 'Verify your TaskFlow email address',
    });
    expect(items[0]?.text).toContain('/verify-email?token=');
  });

  it('an admin can sign a user out everywhere', async () => {
    const admin = await signedIn(ctx.app, 'admin@example.com');
    const member = await signedIn(ctx.app, 'member@example.com');
    const id = bodyOf(await member.api.get('/api/v1/me'), 200).id;
    expect((await admin.send('POST', `/api/v1/admin/users/${id}/sessions/revoke`)).statusCode).toBe(
      204,
    );
    expect((await member.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('disabling a user ends its sessions at once and refuses its sign-in', async () => {
    const admin = await signedIn(ctx.app, 'admin@example.com');
    const member = await signedIn(ctx.app, 'member@example.com');
    const id = bodyOf(await member.api.get('/api/v1/me'), 200).id;
    expect((await admin.send('POST', `/api/v1/admin/users/${id}/disable`)).statusCode).toBe(204);
    expect((await member.get('/api/v1/me')).statusCode).toBe(401);
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'member@example.com', password: testPassword },
    });
    expect(again.statusCode).toBe(403);
    expect(again.json().code).toBe('ACCOUNT_DISABLED');
    const missing = await admin.send(
      'POST',
      '/api/v1/admin/users/00000000-0000-4000-8000-000000000000/disable',
    );
    expect(missing.statusCode).toBe(404);
  });
});
