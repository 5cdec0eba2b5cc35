import { describe, expect, it } from 'vitest';
import { jsonResponse, stubFetch } from '../test/fetch.ts';
import { failure } from '../test/problem.ts';
import { api, unwrap } from './client.ts';

const problem = {
  type: 'urn:taskflow:problem:rate-limited',
  title: 'Too many requests',
  status: 429,
  detail: 'Slow down',
  code: 'RATE_LIMITED',
  requestId: 'req-123',
};

describe('ApiError', () => {
  it('parses a problem+json response', async () => {
    stubFetch(() =>
      jsonResponse(problem, {
        status: 429,
        type: 'application/problem+json',
        headers: { 'X-Request-Id': 'req-123' },
      }),
    );
    const error = await failure(unwrap(api.GET('/api/v1/meta')));
    expect(error.status).toBe(429);
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.requestId).toBe('req-123');
    expect(error.problem).toEqual(problem);
    expect(error.message).toBe('Slow down');
    expect(error.isRetryable).toBe(false);
  });

  it('keeps the status of a response that is not a problem', async () => {
    stubFetch(() => new Response('Bad gateway', { status: 502 }));
    const error = await failure(unwrap(api.GET('/api/v1/meta')));
    expect(error.status).toBe(502);
    expect(error.code).toBe('UNEXPECTED_RESPONSE');
    expect(error.problem).toBeUndefined();
    expect(error.isRetryable).toBe(true);
  });

  it('turns a network failure into status 0 with the request id that was sent', async () => {
    const fetchMock = stubFetch(() => Promise.reject(new TypeError('fetch failed')));
    const error = await failure(unwrap(api.GET('/api/v1/meta')));
    const sent = fetchMock.mock.calls[0]?.[0] as Request;
    expect(error.status).toBe(0);
    expect(error.code).toBe('NETWORK');
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(error.requestId).toMatch(/^[A-Za-z0-9._:-]{1,128}$/);
    expect(error.requestId).toBe(sent.headers.get('X-Request-Id'));
    expect(error.isRetryable).toBe(true);
  });
});
