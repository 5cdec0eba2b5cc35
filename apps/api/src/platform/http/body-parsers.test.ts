import { describe, expect, it } from 'vitest';
import { createVerifiedUser, signedIn } from '../../test/accounts.ts';
import { useTestApp } from '../../test/app.ts';

const ctx = useTestApp();

const json = { 'content-type': 'application/json' };

describe('request bodies', () => {
  it('accept an empty JSON body where the operation has none', async () => {
    await createVerifiedUser(ctx.app, ctx.database, 'body@example.com');
    const user = await signedIn(ctx.app, 'body@example.com');
    const created = await user.send('POST', '/api/v1/workspaces', { name: 'Gone soon' });
    const { id } = created.json() as { id: string };

    // Operations without a body: DELETE of a workspace, and a POST (sign out).
    const deleted = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/v1/workspaces/${id}`,
      headers: { ...json, authorization: `Bearer ${user.accessToken}` },
    });
    expect(deleted.statusCode).toBe(204);
    const signOut = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: { ...json, origin: 'http://localhost:80', 'x-taskflow-csrf': '1' },
    });
    expect(signOut.statusCode).toBe(204);
  });

  it('refuse an empty body where one is required, naming the body, not "malformed JSON"', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: json,
      payload: '',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const broken = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: json,
      payload: '{"email":',
    });
    expect(broken.json()).toMatchObject({ status: 400, code: 'MALFORMED_JSON' });
  });

  it('answer 415 to text/plain as to every other type that is not JSON', async () => {
    for (const type of ['text/plain', 'text/plain; charset=utf-8', 'application/xml']) {
      for (const [method, url] of [
        ['POST', '/api/v1/auth/sign-in'],
        ['POST', '/api/v1/auth/sign-out'],
      ] as const) {
        const res = await ctx.app.inject({
          method,
          url,
          headers: { 'content-type': type },
          payload: '{"email":"a@example.com","password":"x"}',
        });
        expect(res.statusCode, `${type} ${url}`).toBe(415);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
      }
    }
  });
});
