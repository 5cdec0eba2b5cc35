import { QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { createQueryClient, refetchFailed, retryDelay, shouldRetry } from './query-client.ts';

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

describe('refetchFailed', () => {
  it('asks again the queries on screen that failed, and only those', async () => {
    const queryClient = createQueryClient();
    const offline = new ApiError({ status: 0, code: 'NETWORK', message: 'offline' });
    let up = false;
    const failing = vi.fn(async () => {
      if (!up) throw offline;
      return 'tasks';
    });
    const fine = vi.fn(async () => 'labels');
    const watch = (key: string, queryFn: () => Promise<string>) => {
      const observer = new QueryObserver(queryClient, { queryKey: [key], queryFn, retry: false });
      return observer.subscribe(() => undefined);
    };
    const stops = [watch('tasks', failing), watch('labels', fine)];
    await vi.waitFor(() => expect(queryClient.getQueryState(['tasks'])?.status).toBe('error'));
    await vi.waitFor(() => expect(queryClient.getQueryState(['labels'])?.status).toBe('success'));

    up = true;
    await refetchFailed(queryClient);
    expect(queryClient.getQueryData(['tasks'])).toBe('tasks');
    expect(failing).toHaveBeenCalledTimes(2);
    expect(fine).toHaveBeenCalledTimes(1);
    for (const stop of stops) stop();
    queryClient.clear();
  });
});
