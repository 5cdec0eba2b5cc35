import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { toast } from 'sonner';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../../lib/query-client.ts';
import { jsonResponse, stubFetch } from '../../../test/fetch.ts';
import { aTask, pagesOf, workspaceId } from '../../../test/tasks.ts';
import type { TaskPages } from '../model/task-pages.ts';
import { useMoveTask } from './move-task.ts';
import { taskKeys } from './task-keys.ts';
import { useUpdateTask } from './update-task.ts';

vi.mock('sonner', () => ({ toast: { error: vi.fn(), success: vi.fn() } }));

const a = aTask({ title: 'a', position: 'a0' });
const b = aTask({ title: 'b', position: 'a1' });
const c = aTask({ title: 'c', position: 'a2', status: 'done' });
const allKey = taskKeys.list(workspaceId, {});
const todoKey = taskKeys.list(workspaceId, { status: 'todo', sort: 'position' });
const doneKey = taskKeys.list(workspaceId, { status: 'done', sort: 'position' });

let queryClient: QueryClient;
const titles = (key: readonly unknown[]) =>
  queryClient.getQueryData<TaskPages>(key)?.pages.flatMap((page) => page.items.map((t) => t.title));

function wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}

/** A server that answers only when told, so the test can look at the cache in between. */
function heldServer() {
  let answer: (response: Response) => void = () => {};
  const fetchMock = stubFetch((request) =>
    request.method === 'GET'
      ? new Promise<Response>(() => {})
      : new Promise<Response>((resolve) => {
          answer = resolve;
        }),
  );
  return {
    fetchMock,
    /** Answers the write, once it has been sent. */
    async answer(response: Response) {
      await waitFor(() => expect(fetchMock).toHaveBeenCalled());
      answer(response);
    },
  };
}

const failure = jsonResponse(
  { type: 'urn:x', title: 'Internal', status: 500, code: 'INTERNAL', requestId: 'r' },
  { status: 500, type: 'application/problem+json' },
);
// A POST that fails with a 5xx is sent again (api/idempotency.ts): a move is refused with a 4xx.
const refusal = jsonResponse(
  { type: 'urn:x', title: 'Not found', status: 404, code: 'NOT_FOUND', requestId: 'r' },
  { status: 404, type: 'application/problem+json' },
);

beforeEach(() => {
  queryClient = createQueryClient();
  queryClient.setQueryData(allKey, pagesOf([[a, b], [c]]));
  queryClient.setQueryData(todoKey, pagesOf([[a, b]]));
  queryClient.setQueryData(doneKey, pagesOf([[c]]));
  queryClient.setQueryData(taskKeys.detail(workspaceId, a.id), a);
});

afterEach(() => queryClient.clear());

describe('optimistic task updates', () => {
  it('patch every cached page and the detail at once, and roll back when the API fails', async () => {
    const server = heldServer();
    const { result } = renderHook(() => useUpdateTask(workspaceId), { wrapper });

    act(() => result.current.mutate({ task: a, changes: { status: 'done', title: 'A' } }));
    await waitFor(() => expect(titles(doneKey)).toEqual(['A', 'c']));
    expect(titles(todoKey)).toEqual(['b']);
    expect(titles(allKey)).toEqual(['A', 'b', 'c']);
    expect(queryClient.getQueryData(taskKeys.detail(workspaceId, a.id))).toMatchObject({
      title: 'A',
      status: 'done',
    });

    await server.answer(failure);
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(titles(todoKey)).toEqual(['a', 'b']);
    expect(titles(doneKey)).toEqual(['c']);
    expect(titles(allKey)).toEqual(['a', 'b', 'c']);
    expect(queryClient.getQueryData(taskKeys.detail(workspaceId, a.id))).toEqual(a);
    expect(toast.error).toHaveBeenCalledWith(
      'The server had a problem. Please try again in a moment.',
    );
  });

  it('keep the task as the API returns it, with the counts of its card', async () => {
    const counts = { comments: 4, attachments: 2 };
    queryClient.setQueryData(todoKey, pagesOf([[a, { ...b, counts }]]));
    const server = heldServer();
    const { result } = renderHook(() => useUpdateTask(workspaceId), { wrapper });
    act(() => result.current.mutate({ task: b, changes: { title: 'B' } }));
    await server.answer(jsonResponse({ ...b, title: 'B', version: 2 }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const cached = queryClient.getQueryData<TaskPages>(todoKey)?.pages[0]?.items[1];
    expect(cached).toMatchObject({ title: 'B', version: 2, counts });
  });

  it('send If-Match only for a conditional edit', async () => {
    const server = heldServer();
    const { result } = renderHook(() => useUpdateTask(workspaceId), { wrapper });
    act(() => result.current.mutate({ task: b, changes: { title: 'B' }, conditional: true }));
    await waitFor(() => expect(server.fetchMock).toHaveBeenCalled());
    const request = server.fetchMock.mock.calls[0]?.[0] as Request;
    expect(request.headers.get('if-match')).toBe('"1"');
    expect(await request.json()).toEqual({ title: 'B' });
  });

  it('move a dropped card next to its new neighbour, and put it back when refused', async () => {
    const server = heldServer();
    const { result } = renderHook(() => useMoveTask(workspaceId), { wrapper });

    act(() => result.current.mutate({ task: a, status: 'done', afterId: c.id }));
    await waitFor(() => expect(titles(doneKey)).toEqual(['c', 'a']));
    expect(titles(todoKey)).toEqual(['b']);

    await server.answer(refusal);
    const request = server.fetchMock.mock.calls[0]?.[0] as Request;
    expect(await request.json()).toEqual({ status: 'done', afterId: c.id });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(titles(todoKey)).toEqual(['a', 'b']);
    expect(titles(doneKey)).toEqual(['c']);
  });
});
