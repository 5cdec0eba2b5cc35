import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { api, unwrap } from '../../../api/client.ts';
import { jsonResponse, stubFetch } from '../../../test/fetch.ts';
import { failure } from '../../../test/problem.ts';
import { installAuthMiddleware } from './auth-setup.ts';
import { refreshSession } from './refresh-session.ts';
import { type AuthSession, sessionStore } from './session-store.ts';

const user = {
  id: '5f0c6a7e-1111-4222-8333-944455556666',
  email: 'ada@example.test',
  name: 'Ada',
  role: 'user' as const,
  emailVerified: true,
  createdAt: '2026-01-01T00:00:00.000Z',
};
const session = (accessToken: string): AuthSession => ({
  accessToken,
  tokenType: 'Bearer',
  expiresIn: 900,
  user,
});
const problem = (status: number, code: string) =>
  jsonResponse(
    { type: 'urn:x', title: code, status, code, requestId: 'r' },
    { status, type: 'application/problem+json' },
  );

const pathOf = (request: Request) => new URL(request.url).pathname;
const callsTo = (fetchMock: ReturnType<typeof stubFetch>, path: string) =>
  fetchMock.mock.calls.map(([input]) => input as Request).filter((r) => pathOf(r) === path);

beforeAll(() => installAuthMiddleware());
afterEach(() => sessionStore.signedOut());

describe('auth middleware', () => {
  it('sends the in-memory access token as a bearer token', async () => {
    sessionStore.signedIn(session('token-1'));
    const fetchMock = stubFetch(() => jsonResponse(user));
    await unwrap(api.GET('/api/v1/me'));
    expect(callsTo(fetchMock, '/api/v1/me')[0]?.headers.get('Authorization')).toBe(
      'Bearer token-1',
    );
  });

  it('shares one refresh among concurrent 401s and retries each request once', async () => {
    sessionStore.signedIn(session('expired'));
    let releaseRefresh = () => {};
    const refreshed = new Promise<void>((resolve) => {
      releaseRefresh = resolve;
    });
    const fetchMock = stubFetch(async (request) => {
      if (pathOf(request) === '/api/v1/auth/refresh') {
        await refreshed;
        return jsonResponse(session('fresh'));
      }
      const ok = request.headers.get('Authorization') === 'Bearer fresh';
      return ok ? jsonResponse(user) : problem(401, 'UNAUTHENTICATED');
    });

    const calls = [1, 2, 3].map(() => unwrap(api.GET('/api/v1/me')));
    // Let all three 401s arrive before the refresh answers.
    await new Promise((resolve) => setTimeout(resolve, 10));
    releaseRefresh();

    expect(await Promise.all(calls)).toEqual([user, user, user]);
    expect(callsTo(fetchMock, '/api/v1/auth/refresh')).toHaveLength(1);
    const meCalls = callsTo(fetchMock, '/api/v1/me');
    expect(meCalls.map((r) => r.headers.get('Authorization'))).toEqual([
      'Bearer expired',
      'Bearer expired',
      'Bearer expired',
      'Bearer fresh',
      'Bearer fresh',
      'Bearer fresh',
    ]);
  });

  it('retries a request only once, even when the retry gets 401 again', async () => {
    sessionStore.signedIn(session('token-1'));
    const fetchMock = stubFetch((request) =>
      pathOf(request) === '/api/v1/auth/refresh'
        ? jsonResponse(session('token-2'))
        : problem(401, 'UNAUTHENTICATED'),
    );

    const error = await failure(unwrap(api.GET('/api/v1/me')));
    expect(error.status).toBe(401);
    expect(callsTo(fetchMock, '/api/v1/me')).toHaveLength(2);
    expect(callsTo(fetchMock, '/api/v1/auth/refresh')).toHaveLength(1);
  });

  it('does not loop when the refresh itself answers 401, and signs out', async () => {
    sessionStore.signedIn(session('token-1'));
    const fetchMock = stubFetch((request) =>
      pathOf(request) === '/api/v1/auth/refresh'
        ? problem(401, 'SESSION_EXPIRED')
        : problem(401, 'UNAUTHENTICATED'),
    );

    const error = await failure(unwrap(api.GET('/api/v1/me')));
    expect(error.status).toBe(401);
    expect(callsTo(fetchMock, '/api/v1/me')).toHaveLength(1);
    expect(callsTo(fetchMock, '/api/v1/auth/refresh')).toHaveLength(1);
    expect(sessionStore.getSnapshot().status).toBe('signed-out');
    expect(sessionStore.getAccessToken()).toBeNull();
    // The tab was signed in: sign-in will say the session was ended.
    expect(sessionStore.endedElsewhere()).toBe(true);
  });

  it('takes 204 (no refresh cookie at all) as signed out, without an error', async () => {
    const fetchMock = stubFetch(() => new Response(null, { status: 204 }));
    expect(await refreshSession()).toBe(false);
    expect(callsTo(fetchMock, '/api/v1/auth/refresh')).toHaveLength(1);
    expect(sessionStore.getSnapshot().status).toBe('signed-out');
  });

  it('does not call a signed-out load an ended session, nor a sign-out', async () => {
    stubFetch(() => problem(401, 'SESSION_EXPIRED'));
    expect(await refreshSession()).toBe(false);
    expect(sessionStore.endedElsewhere()).toBe(false);
    sessionStore.signedIn(session('token-2'));
    sessionStore.signedOut();
    expect(sessionStore.endedElsewhere()).toBe(false);
  });

  it('replays the body of a retried request', async () => {
    sessionStore.signedIn(session('token-1'));
    const bodies: string[] = [];
    stubFetch(async (request) => {
      if (pathOf(request) === '/api/v1/auth/refresh') return jsonResponse(session('token-2'));
      bodies.push(await request.text());
      return request.headers.get('Authorization') === 'Bearer token-2'
        ? jsonResponse({ ...user, name: 'Grace' })
        : problem(401, 'UNAUTHENTICATED');
    });

    await unwrap(api.PATCH('/api/v1/me', { body: { name: 'Grace' } }));
    expect(bodies).toEqual(['{"name":"Grace"}', '{"name":"Grace"}']);
  });

  it('neither authorizes nor retries the auth endpoints themselves', async () => {
    sessionStore.signedIn(session('token-1'));
    const fetchMock = stubFetch(() => problem(401, 'INVALID_CREDENTIALS'));

    await failure(
      unwrap(api.POST('/api/v1/auth/sign-in', { body: { email: 'a@b.test', password: 'x' } })),
    );
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(callsTo(fetchMock, '/api/v1/auth/sign-in')[0]?.headers.has('Authorization')).toBe(false);
  });
});

describe('refreshSession', () => {
  it('sends the CSRF header and keeps the new token in memory only', async () => {
    const fetchMock = stubFetch(() => jsonResponse(session('secret-token')));
    const setItem = vi.spyOn(Storage.prototype, 'setItem');

    expect(await refreshSession()).toBe(true);
    const request = callsTo(fetchMock, '/api/v1/auth/refresh')[0];
    expect(request?.method).toBe('POST');
    expect(request?.headers.get('x-taskflow-csrf')).toBe('1');
    expect(sessionStore.getAccessToken()).toBe('secret-token');
    expect(sessionStore.getSnapshot()).toEqual({ status: 'signed-in', user });
    expect(setItem).not.toHaveBeenCalled();
    expect(localStorage.length + sessionStorage.length).toBe(0);
    expect(document.cookie).not.toContain('secret-token');
  });

  it('runs inside the cross-tab Web Lock when the browser has one', async () => {
    const request = vi.fn((_name: string, task: () => Promise<unknown>) => task());
    vi.stubGlobal('navigator', { ...navigator, locks: { request } });
    stubFetch(() => jsonResponse(session('token-3')));

    expect(await refreshSession()).toBe(true);
    expect(request).toHaveBeenCalledTimes(1);
    expect(request.mock.calls[0]?.[0]).toBe('taskflow-refresh');
  });
});
