import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { problemBody } from '../test/problem.ts';
import { stubXhr } from '../test/xhr.ts';
import { provideTokenSource } from './access-token.ts';
import { ApiError } from './api-error.ts';
import { postForm, readJson } from './upload.ts';

const path = '/api/v1/workspaces/w/tasks/t/attachments';
let token: string | null;
const refresh = vi.fn(async () => {
  token = 'fresh';
  return true;
});

beforeEach(() => {
  token = 'stale';
  refresh.mockClear();
  provideTokenSource({ getAccessToken: () => token, refresh });
});
afterEach(() => provideTokenSource({ getAccessToken: () => null, refresh: async () => false }));

/** Lets the promise chain reach the next request. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('postForm', () => {
  it('sends as the typed client does: bearer token, request id and idempotency key', async () => {
    const sent = stubXhr();
    const progress = vi.fn();
    const form = new FormData();
    const answer = postForm(path, form, { onProgress: progress });
    const [xhr] = sent;
    expect(xhr?.method).toBe('POST');
    expect(xhr?.url).toBe(`http://localhost:3000${path}`);
    expect(xhr?.body).toBe(form);
    expect(xhr?.headers.Authorization).toBe('Bearer stale');
    expect(xhr?.headers['X-Request-Id']).toMatch(/^[\da-f-]{36}$/);
    expect(xhr?.headers['Idempotency-Key']).toMatch(/^[\da-f-]{36}$/);
    xhr?.progress(50, 200);
    expect(progress).toHaveBeenCalledWith(50, 200);
    xhr?.respond(201, { id: 'a' });
    expect(await readJson(await answer)).toEqual({ id: 'a' });
  });

  it('refreshes the token once on a 401 and sends again with the same keys', async () => {
    const sent = stubXhr();
    const answer = postForm(path, new FormData());
    sent[0]?.respond(401, problemBody(401, 'UNAUTHENTICATED', 'Sign in'));
    await settle();
    expect(refresh).toHaveBeenCalledTimes(1);
    const [first, second] = sent;
    expect(second?.headers.Authorization).toBe('Bearer fresh');
    expect(second?.headers['Idempotency-Key']).toBe(first?.headers['Idempotency-Key']);
    second?.respond(201, { id: 'a' });
    expect((await answer).status).toBe(201);
  });

  it('turns a problem into its ApiError, and a lost connection into a network error', async () => {
    const sent = stubXhr();
    const refused = postForm(path, new FormData());
    const problem = problemBody(413, 'FILE_TOO_LARGE', 'Too large', { detail: 'At most 10 MiB' });
    sent[0]?.respond(413, problem, { 'retry-after': '3' });
    const error = await readJson(await refused).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 413, code: 'FILE_TOO_LARGE', message: 'At most 10 MiB' });

    const lost = postForm(path, new FormData());
    sent[1]?.fail();
    await expect(lost).rejects.toMatchObject({ code: 'NETWORK' });
  });

  it('stops sending when cancelled', async () => {
    const sent = stubXhr();
    const controller = new AbortController();
    const answer = postForm(path, new FormData(), { signal: controller.signal });
    controller.abort();
    await expect(answer).rejects.toMatchObject({ name: 'AbortError' });
    expect(sent[0]?.aborted).toBe(true);
  });
});
