import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAccessToken, withAccessToken } from '../../test/access-tokens.ts';
import { signedIn, testPassword } from '../../test/accounts.ts';
import { useTestUsers } from '../../test/users.ts';
import { newUser, tasksPath } from '../../test/workspaces.ts';

/** Personal access tokens: made on a session, used by scripts as a bearer token. */
const { ctx, ada, bob } = useTestUsers(['ada', 'bob']);

const auditTypes = async (userId: string) =>
  (
    await ctx.database.db
      .selectFrom('audit_events')
      .select('type')
      .where('subject_id', '=', userId)
      .orderBy('created_at')
      .execute()
  ).map((row) => row.type);

afterEach(() => {
  vi.useRealTimers();
});

describe('a read_write token', () => {
  it('is shown once, works as a bearer token, and the list shows its last use, never its secret', async () => {
    const created = await createAccessToken(ada, { name: 'Nightly sync' });
    expect(created.token).toMatch(/^tf_pat_[0-9A-Za-z]{49}$/);
    expect(created.lastFour).toBe(created.token.slice(-4));
    const script = withAccessToken(ctx.app, created.token);

    const workspaces = await script.get('/api/v1/workspaces');
    expect(workspaces.statusCode).toBe(200);
    expect((await script.get(tasksPath(ada.personalId))).statusCode).toBe(200);
    const task = await script.send('POST', tasksPath(ada.personalId), { title: 'From a script' });
    expect(task.statusCode).toBe(201);

    const list = await ada.get('/api/v1/me/access-tokens');
    expect(list.statusCode).toBe(200);
    const [item] = list.json().items;
    expect(item).toMatchObject({ id: created.id, name: 'Nightly sync', scope: 'read_write' });
    expect(item.lastUsedAt).not.toBeNull();
    expect(item.lastUsedIp).toBe('127.0.0.1');
    expect(list.body).not.toContain(created.token.slice(7, -4));
    const stored = await ctx.database.db
      .selectFrom('personal_access_tokens')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(created.token.slice(7, -4));
    expect(await auditTypes(ada.userId)).toContain('access_token.created');
  });

  it('records its last use at most once a minute, not on every request', async () => {
    const { id, token } = await createAccessToken(ada);
    const script = withAccessToken(ctx.app, token);
    const lastUse = async () =>
      (
        await ctx.database.db
          .selectFrom('personal_access_tokens')
          .select('last_used_at')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).last_used_at;
    await script.get('/api/v1/workspaces');
    const first = await lastUse();
    expect(first).not.toBeNull();
    for (let i = 0; i < 3; i++) await script.get('/api/v1/workspaces');
    expect(await lastUse()).toBe(first);
  });

  it('cannot reach administration, sessions, the password, two-factor or tokens themselves (403)', async () => {
    const script = withAccessToken(ctx.app, (await createAccessToken(ada)).token);
    const refused = [
      await script.get('/api/v1/me/access-tokens'),
      await script.send('POST', '/api/v1/me/access-tokens', {
        name: 'minted',
        scope: 'read_write',
        expiresInDays: 7,
      }),
      await script.get('/api/v1/me/sessions'),
      await script.send('POST', '/api/v1/me/sessions/revoke-all', { password: testPassword }),
      await script.send('POST', '/api/v1/me/password', {
        currentPassword: testPassword,
        newPassword: 'a whole new phrase',
      }),
      await script.get('/api/v1/me/two-factor'),
      await script.send('POST', '/api/v1/me/two-factor/enrol', { password: testPassword }),
      await script.send('POST', '/api/v1/me/two-factor/disable', {
        password: testPassword,
        code: '123456',
      }),
    ];
    for (const res of refused) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().code).toBe('TOKEN_NOT_ALLOWED');
    }
    expect((await script.get('/api/v1/me')).statusCode).toBe(200);
  });
});

describe('a read token', () => {
  it('reads, and is refused every write with 403 TOKEN_SCOPE_INSUFFICIENT', async () => {
    const script = withAccessToken(
      ctx.app,
      (await createAccessToken(ada, { scope: 'read' })).token,
    );
    expect((await script.get(tasksPath(ada.personalId))).statusCode).toBe(200);
    const writes = [
      await script.send('POST', tasksPath(ada.personalId), { title: 'Planted' }),
      await script.send('PATCH', '/api/v1/me', { name: 'Renamed' }),
      await script.send('POST', '/api/v1/workspaces', { name: 'New' }),
    ];
    for (const res of writes) {
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('TOKEN_SCOPE_INSUFFICIENT');
    }
  });
});

describe('a token that no longer works answers 401', () => {
  it('when revoked by its owner, at once; another user cannot revoke it (404)', async () => {
    const { id, token } = await createAccessToken(ada);
    const script = withAccessToken(ctx.app, token);
    expect((await script.get('/api/v1/me')).statusCode).toBe(200);
    const byBob = await bob.send('POST', `/api/v1/me/access-tokens/${id}/revoke`);
    expect(byBob.statusCode).toBe(404);
    expect((await script.get('/api/v1/me')).statusCode).toBe(200);
    expect((await ada.send('POST', `/api/v1/me/access-tokens/${id}/revoke`)).statusCode).toBe(204);
    const after = await script.get('/api/v1/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('UNAUTHENTICATED');
    const listed = (await ada.get('/api/v1/me/access-tokens')).json().items as { id: string }[];
    expect(listed.map((t) => t.id)).not.toContain(id);
    expect(await auditTypes(ada.userId)).toContain('access_token.revoked');
  });

  it('when expired', async () => {
    const { token } = await createAccessToken(ada, { expiresInDays: 7 });
    const script = withAccessToken(ctx.app, token);
    expect((await script.get('/api/v1/me')).statusCode).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 7 * 86_400_000 - 60_000);
    expect((await script.get('/api/v1/me')).statusCode).toBe(200);
    vi.setSystemTime(Date.now() + 61_000);
    expect((await script.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('when made up, mistyped or not a token at all', async () => {
    const { token } = await createAccessToken(ada);
    const flipped = `${token.slice(0, -1)}${token.endsWith('a') ? 'b' : 'a'}`;
    for (const bad of [flipped, 'tf_pat_', `tf_pat_${'x'.repeat(49)}`, `${token}x`]) {
      expect((await withAccessToken(ctx.app, bad).get('/api/v1/me')).statusCode).toBe(401);
    }
  });

  it('when its owner is disabled by an administrator', async () => {
    const carol = await newUser(ctx.app, ctx.database, 'carol@example.com');
    const script = withAccessToken(ctx.app, (await createAccessToken(carol)).token);
    expect((await script.get('/api/v1/me')).statusCode).toBe(200);
    await ctx.database.db
      .updateTable('users')
      .set({ role: 'admin' })
      .where('id', '=', bob.userId)
      .execute();
    const admin = await signedIn(ctx.app, bob.email);
    const disabled = await admin.send('POST', `/api/v1/admin/users/${carol.userId}/disable`);
    expect(disabled.statusCode).toBe(204);
    expect((await script.get('/api/v1/me')).statusCode).toBe(401);
    const rows = await ctx.database.db
      .selectFrom('personal_access_tokens')
      .select('revoked_reason')
      .where('user_id', '=', carol.userId)
      .execute();
    expect(rows.map((r) => r.revoked_reason)).toEqual(['user_disabled']);

    // An administrator's own token does not reach administration either.
    const adminScript = withAccessToken(ctx.app, (await createAccessToken(admin)).token);
    const res = await adminScript.get('/api/v1/admin/users');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('TOKEN_NOT_ALLOWED');
    expect((await admin.get('/api/v1/admin/users')).statusCode).toBe(200);
  });
});
