import { describe, expect, it } from 'vitest';
import { createVerifiedUser } from '../../test/accounts.ts';
import { useTestApp } from '../../test/app.ts';

/** With PUBLIC_URL set, every mailed link points there, whatever the request's origin. */
const ctx = useTestApp({
  PORT: '3000',
  HOST: 'localhost',
  PUBLIC_URL: 'https://tasks.example.com/',
});

describe('the links of mails, with PUBLIC_URL', () => {
  it('point to PUBLIC_URL even from a trusted origin', async () => {
    const email = 'public@example.com';
    await createVerifiedUser(ctx.app, ctx.database, email);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/request',
      headers: { origin: 'http://127.0.0.1:3000' },
      payload: { email },
    });
    expect(res.statusCode).toBe(202);
    await expect
      .poll(async () => {
        const mail = await ctx.database.db
          .selectFrom('mail_outbox')
          .select('text_body')
          .where('to_address', '=', email)
          .where('text_body', 'like', '%/reset-password?token=%')
          .executeTakeFirst();
        return mail?.text_body.match(/(\S+)\/reset-password\?token=/)?.[1];
      })
      .toBe('https://tasks.example.com');
  });
});
