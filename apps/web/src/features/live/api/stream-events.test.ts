import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api/api-error.ts';
import { createAuthMiddleware } from '../../../api/auth-middleware.ts';
import { api } from '../../../api/client.ts';
import { jsonResponse, stubFetch } from '../../../test/fetch.ts';
import { openEventStream } from './stream-events.ts';

// The app's auth middleware, over a token held here: the stream goes through it like any call.
let token = 'token-1';
const refresh = vi.fn(async () => {
  token = 'fresh';
  return true;
});
const auth = createAuthMiddleware({ getAccessToken: () => token, refresh });
beforeAll(() => api.use(auth));
afterAll(() => api.eject(auth));

const problem = (status: number, code: string) =>
  jsonResponse(
    { type: 'urn:x', title: code, status, code, requestId: 'r' },
    { status, type: 'application/problem+json' },
  );
const stream = () =>
  new Response('retry: 2000\n\n', { headers: { 'Content-Type': 'text/event-stream' } });

describe('openEventStream', () => {
  it('sends the bearer token and the id to resume from, and gives the body to read', async () => {
    const fetchMock = stubFetch(stream);
    const body = await openEventStream('42', new AbortController().signal);
    expect(await new Response(body).text()).toBe('retry: 2000\n\n');
    const request = fetchMock.mock.calls[0]?.[0] as Request;
    expect(request.headers.get('Authorization')).toBe('Bearer token-1');
    expect(request.headers.get('Last-Event-ID')).toBe('42');
    expect(request.headers.get('Accept')).toBe('text/event-stream');
  });

  it('refreshes an expired token once through the shared refresh, and connects again', async () => {
    token = 'expired';
    const fetchMock = stubFetch((request) =>
      request.headers.get('Authorization') === 'Bearer fresh'
        ? stream()
        : problem(401, 'UNAUTHENTICATED'),
    );
    await openEventStream(null, new AbortController().signal);
    expect(refresh).toHaveBeenCalledTimes(1);
    const sent = fetchMock.mock.calls.map(([input]) => input as Request);
    expect(sent.map((r) => r.headers.get('Authorization'))).toEqual([
      'Bearer expired',
      'Bearer fresh',
    ]);
    expect(sent[0]?.headers.has('Last-Event-ID')).toBe(false);
  });

  it('rejects with the API’s error when the stream is refused', async () => {
    stubFetch(() => problem(429, 'RATE_LIMITED'));
    const error = await openEventStream(null, new AbortController().signal).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429 });
  });
});
