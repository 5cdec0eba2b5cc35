import { ACCESS_TOKEN_MAX_PER_USER } from '@taskflow/contract';
import { describe, expect, it } from 'vitest';
import { createAccessToken, withAccessToken } from '../../test/access-tokens.ts';
import { signedIn, testPassword, tokenFromOutbox } from '../../test/accounts.ts';
import { buildTestApp } from '../../test/app.ts';
import { useTestUsers } from '../../test/users.ts';
import { createAccessTokenRepository } from './access-tokens.repository.ts';

/** What ends personal access tokens besides their owner, what limits them, what logs keep. */
const { ctx, signUp } = useTestUsers([]);

const revokedReasons = async (userId: string) =>
  (
    await ctx.database.db
      .selectFrom('personal_access_tokens')
      .select('revoked_reason')
      .where('user_id', '=', userId)
      .execute()
  ).map((row) => row.revoked_reason);

const audited = (userId: string, type: string) =>
  ctx.database.db
    .selectFrom('audit_events')
    .select('detail')
    .where('subject_id', '=', userId)
    .where('type', '=', type)
    .executeTakeFirst();

describe('tokens are revoked with the sessions', () => {
  it('when the password is changed', async () => {
    const user = await signUp('dora');
    const scripts = [await createAccessToken(user), await createAccessToken(user)];
    const res = await user.send('POST', '/api/v1/me/password', {
      currentPassword: testPassword,
      newPassword: 'brand new passphrase',
    });
    expect(res.statusCode).toBe(204);
    for (const { token } of scripts) {
      expect((await withAccessToken(ctx.app, token).get('/api/v1/me')).statusCode).toBe(401);
    }
    expect(await revokedReasons(user.userId)).toEqual(['password_changed', 'password_changed']);
    expect((await audited(user.userId, 'access_token.revoked_all'))?.detail).toEqual({
      reason: 'password_changed',
      revokedTokens: 2,
    });
    // The session that changed it stays signed in and may make new tokens.
    expect((await user.get('/api/v1/me/access-tokens')).json().items).toEqual([]);
  });

  it('when the password is reset', async () => {
    const user = await signUp('emil');
    const { token } = await createAccessToken(user, { scope: 'read' });
    await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/request',
      payload: { email: user.email },
    });
    const reset = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: {
        token: await tokenFromOutbox(ctx.database, user.email),
        newPassword: 'quiet lantern river',
      },
    });
    expect(reset.statusCode).toBe(200);
    expect((await withAccessToken(ctx.app, token).get('/api/v1/me')).statusCode).toBe(401);
    expect(await revokedReasons(user.userId)).toEqual(['password_reset']);
    expect(await audited(user.userId, 'access_token.revoked_all')).toBeDefined();
  });
});

describe('limits', () => {
  it(`an account holds at most ${ACCESS_TOKEN_MAX_PER_USER} live tokens (409)`, async () => {
    const user = await signUp('fred');
    const repo = createAccessTokenRepository(ctx.database.db);
    for (let i = 0; i < ACCESS_TOKEN_MAX_PER_USER; i++) {
      await repo.insert({
        userId: user.userId,
        name: `t${i}`,
        scope: 'read',
        tokenHash: `hash-${user.userId}-${i}`,
        lastFour: 'abcd',
        expiresAt: new Date(Date.now() + 86_400_000),
      });
    }
    const res = await user.send('POST', '/api/v1/me/access-tokens', {
      name: 'one more',
      scope: 'read',
      expiresInDays: 1,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('LIMIT_REACHED');
  });

  it('requests per token and tokens created per user are rate-limited (429)', async () => {
    const { app } = await buildTestApp(
      ctx.database,
      { ACCESS_TOKEN_RATE_LIMIT: '3', ACCESS_TOKEN_CREATE_RATE_LIMIT: '2' },
      { limits: 'high' },
    );
    try {
      await signUp('gina');
      const gina = await signedIn(app, 'gina@example.com');
      const [first] = [await createAccessToken(gina), await createAccessToken(gina)];
      const third = await gina.send('POST', '/api/v1/me/access-tokens', {
        name: 'third',
        scope: 'read',
        expiresInDays: 1,
      });
      expect(third.statusCode).toBe(429);
      const script = withAccessToken(app, first?.token ?? '');
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push((await script.get('/api/v1/me')).statusCode);
      expect(answers).toEqual([200, 200, 200, 429]);
      // The owner's session is not counted against the token.
      expect((await gina.get('/api/v1/me')).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('logs', () => {
  it('never hold a token: not when made, used, refused or revoked', async () => {
    const user = await signUp('hana');
    const { id, token } = await createAccessToken(user, { scope: 'read' });
    const script = withAccessToken(ctx.app, token);
    await script.get('/api/v1/workspaces');
    await script.send('POST', '/api/v1/workspaces', { name: 'refused' });
    await ctx.app.inject({ url: `/api/v1/me?token=${token}`, headers: { 'x-token': token } });
    await user.send('POST', `/api/v1/me/access-tokens/${id}/revoke`);
    await script.get('/api/v1/workspaces');
    const secret = token.slice('tf_pat_'.length);
    expect(ctx.logs.raw.length).toBeGreaterThan(10);
    expect(ctx.logs.raw.filter((line) => line.includes(secret))).toEqual([]);
  });
});
