import { beforeAll, describe, expect, it } from 'vitest';
import { createVerifiedUser, signedIn } from '../../test/accounts.ts';
import { useTestApp } from '../../test/app.ts';

const ctx = useTestApp();

beforeAll(async () => {
  await createVerifiedUser(ctx.app, ctx.database, 'rosa@example.com');
});

const post = (url: string, payload: object) => ctx.app.inject({ method: 'POST', url, payload });

async function lastMailTo(to: string) {
  return ctx.database.db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('to_address', '=', to)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

describe('password reset', () => {
  it('answers the same for known and unknown addresses; only the known one gets a mail', async () => {
    const known = await post('/api/v1/auth/password-reset/request', { email: 'rosa@example.com' });
    const unknown = await post('/api/v1/auth/password-reset/request', {
      email: 'ghost@example.com',
    });
    expect(known.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    expect((await lastMailTo('rosa@example.com'))?.subject).toBe('Reset your TaskFlow password');
    expect(await lastMailTo('ghost@example.com')).toBeUndefined();
  });

  it('sets the new password once, and signs out every session', async () => {
    const session = await signedIn(ctx.app, 'rosa@example.com');
    await post('/api/v1/auth/password-reset/request', { email: 'rosa@example.com' });
    const token = (await lastMailTo('rosa@example.com'))?.text_body.match(/token=([\w-]+)/)?.[1];
    const common = await post('/api/v1/auth/password-reset', { token, newPassword: 'password1' });
    expect(common.statusCode).toBe(400);
    expect(common.json().errors[0].path).toBe('body.newPassword');
    const res = await post('/api/v1/auth/password-reset', {
      token,
      newPassword: 'quiet river lantern',
    });
    expect(res.statusCode).toBe(200);
    expect((await session.get('/api/v1/me')).statusCode).toBe(401);
    await signedIn(ctx.app, 'rosa@example.com', 'quiet river lantern');
    const reuse = await post('/api/v1/auth/password-reset', {
      token,
      newPassword: 'another fine phrase',
    });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().code).toBe('TOKEN_INVALID');
  });
});

describe('resending the verification mail', () => {
  it('mails unverified accounts only, with the same answer for every address', async () => {
    await post('/api/v1/auth/register', {
      email: 'late@example.com',
      name: 'Late',
      password: 'slow morning coffee',
    });
    const before = await ctx.database.db
      .selectFrom('mail_outbox')
      .select('id')
      .where('to_address', '=', 'late@example.com')
      .execute();
    const res = await post('/api/v1/auth/verify-email/request', { email: 'late@example.com' });
    const verified = await post('/api/v1/auth/verify-email/request', { email: 'rosa@example.com' });
    expect(res.statusCode).toBe(202);
    expect(verified.body).toBe(res.body);
    const after = await ctx.database.db
      .selectFrom('mail_outbox')
      .select('id')
      .where('to_address', '=', 'late@example.com')
      .execute();
    expect(after.length).toBe(before.length + 1);
  });
});
