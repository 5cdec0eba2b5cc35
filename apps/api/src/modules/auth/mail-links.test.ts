import { describe, expect, it } from 'vitest';
import { createVerifiedUser } from '../../test/accounts.ts';
import { useTestApp } from '../../test/app.ts';

/**
 * Mailed links follow the origin the request came from when it is trusted (the server's own
 * host, or an allowed origin), and never an arbitrary Host header.
 */
const ctx = useTestApp({
  PORT: '3000',
  HOST: 'localhost',
  CORS_ORIGINS: 'https://app.example.com',
});

/** Asks for a password reset with these headers; the link of the mail it sends. */
async function resetLink(email: string, headers: Record<string, string>) {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/password-reset/request',
    headers,
    payload: { email },
  });
  expect(res.statusCode, res.body).toBe(202);
  for (let tries = 0; tries < 200; tries++) {
    const mail = await ctx.database.db
      .selectFrom('mail_outbox')
      .select('text_body')
      .where('to_address', '=', email)
      .where('text_body', 'like', '%/reset-password?token=%')
      .executeTakeFirst();
    if (mail) {
      await ctx.database.db.deleteFrom('mail_outbox').where('to_address', '=', email).execute();
      return mail.text_body.match(/(\S+)\/reset-password\?token=/)?.[1];
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no reset mail to ${email}`);
}

describe('the links of mails', () => {
  it('point to the request’s origin when it is the server’s own host', async () => {
    await createVerifiedUser(ctx.app, ctx.database, 'own@example.com');
    expect(await resetLink('own@example.com', { origin: 'http://127.0.0.1:3000' })).toBe(
      'http://127.0.0.1:3000',
    );
    expect(await resetLink('own@example.com', { host: '127.0.0.1:3000' })).toBe(
      'http://127.0.0.1:3000',
    );
  });

  it('point to an allowed origin the request comes from', async () => {
    await createVerifiedUser(ctx.app, ctx.database, 'cors@example.com');
    expect(await resetLink('cors@example.com', { origin: 'https://app.example.com' })).toBe(
      'https://app.example.com',
    );
  });

  it('ignore a forged Host or Origin, and fall back to the configured address', async () => {
    await createVerifiedUser(ctx.app, ctx.database, 'forged@example.com');
    expect(await resetLink('forged@example.com', { host: 'evil.example:3000' })).toBe(
      'http://localhost:3000',
    );
    expect(
      await resetLink('forged@example.com', {
        origin: 'http://evil.example',
        host: '127.0.0.1:3000',
      }),
    ).toBe('http://localhost:3000');
  });
});
