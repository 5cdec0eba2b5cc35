import { beforeAll, describe, expect, it } from 'vitest';
import { createVerifiedUser, signedIn, testPassword } from '../../test/accounts.ts';
import { useTestApp } from '../../test/app.ts';
import { describeDevice } from './account.service.ts';

const ctx = useTestApp();

beforeAll(async () => {
  await createVerifiedUser(ctx.app, ctx.database, 'grace@example.com');
  await createVerifiedUser(ctx.app, ctx.database, 'linus@example.com');
});

describe('sessions', () => {
  it('lists the live sessions with a readable device and the current one flagged', async () => {
    const laptop = await signedIn(ctx.app, 'grace@example.com');
    await signedIn(ctx.app, 'grace@example.com');
    const res = await laptop.get('/api/v1/me/sessions');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { current: boolean; device: string }[];
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    expect(items[0]?.device).toBe('Chrome 131 on Linux');
  });

  it('revoking a session from another one signs it out on its next request', async () => {
    const a = await signedIn(ctx.app, 'grace@example.com');
    const b = await signedIn(ctx.app, 'grace@example.com');
    const items = (await b.get('/api/v1/me/sessions')).json().items as {
      id: string;
      current: boolean;
    }[];
    const current = items.find((s) => s.current);
    const sessionOfB = current?.id ?? '';
    const path = `/api/v1/me/sessions/${sessionOfB}/revoke`;
    const wrong = await a.send('POST', path, { password: 'not the password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('body.password');
    expect((await b.get('/api/v1/me')).statusCode).toBe(200);
    expect((await a.send('POST', path, { password: testPassword })).statusCode).toBe(204);
    expect((await b.get('/api/v1/me')).statusCode).toBe(401);
    expect((await a.get('/api/v1/me')).statusCode).toBe(200);
  });

  it("another user's session answers 404 and stays live", async () => {
    const grace = await signedIn(ctx.app, 'grace@example.com');
    const linus = await signedIn(ctx.app, 'linus@example.com');
    const linusSession = (
      (await linus.get('/api/v1/me/sessions')).json().items as { id: string }[]
    )[0]?.id;
    const res = await grace.send('POST', `/api/v1/me/sessions/${linusSession}/revoke`, {
      password: testPassword,
    });
    expect(res.statusCode).toBe(404);
    expect((await linus.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('sign out everywhere revokes every session, this one included', async () => {
    const a = await signedIn(ctx.app, 'linus@example.com');
    const b = await signedIn(ctx.app, 'linus@example.com');
    const all = '/api/v1/me/sessions/revoke-all';
    expect((await a.send('POST', all, { password: 'wrong one' })).statusCode).toBe(400);
    expect((await a.send('POST', all, { password: testPassword })).statusCode).toBe(204);
    expect((await a.get('/api/v1/me')).statusCode).toBe(401);
    expect((await b.get('/api/v1/me')).statusCode).toBe(401);
  });
});

describe('profile and password', () => {
  it('updates the name and refuses fields that are not writable', async () => {
    const grace = await signedIn(ctx.app, 'grace@example.com');
    const res = await grace.send('PATCH', '/api/v1/me', { name: 'Grace Hopper' });
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe('Grace Hopper');
    const sneaky = await grace.send('PATCH', '/api/v1/me', { name: 'G', role: 'admin' });
    expect(sneaky.statusCode).toBe(400);
    expect((await grace.get('/api/v1/me')).json().role).toBe('user');
  });

  it('changing the password needs the current one and signs out every other session', async () => {
    const here = await signedIn(ctx.app, 'grace@example.com');
    const elsewhere = await signedIn(ctx.app, 'grace@example.com');
    const wrong = await here.send('POST', '/api/v1/me/password', {
      currentPassword: 'not my password',
      newPassword: 'a brand new passphrase',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('body.currentPassword');
    const ok = await here.send('POST', '/api/v1/me/password', {
      currentPassword: testPassword,
      newPassword: 'a brand new passphrase',
    });
    expect(ok.statusCode).toBe(204);
    expect((await elsewhere.get('/api/v1/me')).statusCode).toBe(401);
    expect((await here.get('/api/v1/me')).statusCode).toBe(200);
    await signedIn(ctx.app, 'grace@example.com', 'a brand new passphrase');
  });
});

describe('describeDevice', () => {
  it('reads browser and system, and falls back plainly', () => {
    expect(
      describeDevice(
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15',
      ),
    ).toBe('Safari 17 on Mac OS 10.15.7');
    expect(describeDevice(null)).toBe('Unknown device');
    expect(describeDevice('curl/8.5.0')).toBe('Unknown device');
  });
});
