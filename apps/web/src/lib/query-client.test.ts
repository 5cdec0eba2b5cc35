import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { retryDelay, shouldRetry } from './query-client.ts';

const withStatus = (status: number) =>
  new ApiError({ status, code: status === 0 ? 'NETWORK' : 'INTERNAL', message: 'x' });

describe('query retries', () => {
  it('retries 5xx and network failures a few times', () => {
    expect(shouldRetry(0, withStatus(503))).toBe(true);
    expect(shouldRetry(2, withStatus(0))).toBe(true);
    expect(shouldRetry(3, withStatus(500))).toBe(false);
  });

  it('never retries 4xx or errors that are not from the API', () => {
    expect(shouldRetry(0, withStatus(404))).toBe(false);
    expect(shouldRetry(0, withStatus(429))).toBe(false);
    expect(shouldRetry(0, new Error('bug'))).toBe(false);
  });

  it('backs off exponentially up to 30 s', () => {
    expect([0, 1, 2, 10].map(retryDelay)).toEqual([1000, 2000, 4000, 30_000]);
  });
});
