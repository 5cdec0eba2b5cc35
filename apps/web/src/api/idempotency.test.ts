import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, stubFetch } from '../test/fetch.ts';
import type { ApiError } from './api-error.ts';
import { api, unwrap } from './client.ts';
import { csrfHeaders } from './csrf.ts';
import { IDEMPOTENCY_KEY_HEADER, MAX_ATTEMPTS } from './idempotency.ts';

const workspaceId = '00000000-0000-4000-8000-000000000001';
const taskId = '00000000-0000-4000-8000-000000000002';
const created = { id: workspaceId, name: 'Team' };
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const offline = () => Promise.reject(new TypeError('fetch failed'));

/** The calls fetch received: each request's method, key and body. */
async function sent(fetchMock: ReturnType<typeof stubFetch>) {
  return Promise.all(
    fetchMock.mock.calls.map(async ([input]) => {
      const request = input as Request;
      const key = request.headers.get(IDEMPOTENCY_KEY_HEADER);
      return { method: request.method, key, body: await request.text() };
    }),
  );
}

/** Answers each call with the next of `answers`, the last one for every call after. */
function answering(...answers: (() => Response | Promise<Response>)[]) {
  let call = 0;
  return stubFetch(() => {
    const answer = answers[Math.min(call++, answers.length - 1)];
    if (!answer) throw new Error('no answer');
    return answer();
  });
}

const createWorkspace = (name = 'Team') =>
  unwrap(api.POST('/api/v1/workspaces', { body: { name } }));

/** Runs a call to completion, backoff waits included. */
async function settled<T>(call: Promise<T>) {
  const outcome = call.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await vi.runAllTimersAsync();
  return outcome;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('idempotency keys', () => {
  it('sends a POST with a UUID key', async () => {
    const fetchMock = answering(() => jsonResponse(created, { status: 201 }));
    await settled(createWorkspace());
    const [request] = await sent(fetchMock);
    expect(request?.key).toMatch(uuid);
  });

  it('gives every mutation call its own key', async () => {
    const fetchMock = answering(() => jsonResponse(created, { status: 201 }));
    await settled(createWorkspace('One'));
    await settled(createWorkspace('Two'));
    const [first, second] = await sent(fetchMock);
    expect(first?.key).toMatch(uuid);
    expect(second?.key).toMatch(uuid);
    expect(first?.key).not.toBe(second?.key);
  });

  it('sends no key on GET, PATCH or DELETE', async () => {
    const fetchMock = answering(() => new Response(null, { status: 204 }));
    const path = { workspaceId, taskId };
    await settled(api.GET('/api/v1/meta'));
    await settled(
      api.PATCH('/api/v1/workspaces/{workspaceId}/tasks/{taskId}', {
        params: { path },
        body: { title: 'Renamed' },
      }),
    );
    await settled(
      api.DELETE('/api/v1/workspaces/{workspaceId}/tasks/{taskId}', { params: { path } }),
    );
    const requests = await sent(fetchMock);
    expect(requests.map((r) => [r.method, r.key])).toEqual([
      ['GET', null],
      ['PATCH', null],
      ['DELETE', null],
    ]);
  });
});

describe('retries of a POST', () => {
  it('sends the same key and body again after a network failure, and returns the success', async () => {
    const fetchMock = answering(offline, () => jsonResponse(created, { status: 201 }));
    const outcome = await settled(createWorkspace());
    expect(outcome).toEqual({ value: created });
    const [first, second] = await sent(fetchMock);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(second).toEqual(first);
    expect(first?.body).toBe(JSON.stringify({ name: 'Team' }));
  });

  it(`stops after ${MAX_ATTEMPTS} attempts, with the network error`, async () => {
    const fetchMock = answering(offline);
    const outcome = await settled(createWorkspace());
    expect(fetchMock).toHaveBeenCalledTimes(MAX_ATTEMPTS);
    expect(new Set((await sent(fetchMock)).map((r) => r.key)).size).toBe(1);
    expect((outcome as { error: ApiError }).error).toMatchObject({ status: 0, code: 'NETWORK' });
  });

  it('waits 250 ms, then 1 s, between attempts', async () => {
    const fetchMock = answering(offline);
    const outcome = createWorkspace().catch(() => undefined);
    await vi.advanceTimersByTimeAsync(249);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    await outcome;
  });

  it('sends again after a 5xx, after the Retry-After the server asks for', async () => {
    const unavailable = () => jsonResponse({}, { status: 503, headers: { 'Retry-After': '2' } });
    const fetchMock = answering(unavailable, () => jsonResponse(created, { status: 201 }));
    const outcome = createWorkspace();
    await vi.advanceTimersByTimeAsync(1_999);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toEqual(created);
    const [first, second] = await sent(fetchMock);
    expect(second).toEqual(first);
  });

  it('keeps a 5xx whose Retry-After is longer than a few seconds, for the user to see', async () => {
    const fetchMock = answering(() =>
      jsonResponse({}, { status: 503, headers: { 'Retry-After': '60' } }),
    );
    const outcome = await settled(createWorkspace());
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect((outcome as { error: ApiError }).error).toMatchObject({
      status: 503,
      retryAfterSeconds: 60,
    });
  });

  it(`returns the last 5xx after ${MAX_ATTEMPTS} attempts`, async () => {
    const fetchMock = answering(() => new Response('Bad gateway', { status: 502 }));
    const outcome = await settled(createWorkspace());
    expect(fetchMock).toHaveBeenCalledTimes(MAX_ATTEMPTS);
    expect((outcome as { error: ApiError }).error).toMatchObject({ status: 502 });
  });

  it('never sends a PATCH or an auth endpoint again', async () => {
    const fetchMock = answering(offline);
    await settled(
      api.PATCH('/api/v1/workspaces/{workspaceId}/tasks/{taskId}', {
        params: { path: { workspaceId, taskId } },
        body: { title: 'Renamed' },
      }),
    );
    await settled(api.POST('/api/v1/auth/refresh', { params: { header: csrfHeaders } }));
    const [patch, refresh] = await sent(fetchMock);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect([patch?.method, refresh?.method]).toEqual(['PATCH', 'POST']);
  });

  it('keeps a 4xx', async () => {
    const fetchMock = answering(() => jsonResponse({}, { status: 409 }));
    await settled(createWorkspace());
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
