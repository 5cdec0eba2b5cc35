import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { cursorOf, cursorPaging } from '../../../api/cursor-pages.ts';
import type { ListQuery } from '../model/task-types.ts';
import { taskKeys } from './task-keys.ts';

/** One list of the board, a page at a time (keyset pagination: the cursor is opaque). */
export function tasksQueryOptions(workspaceId: string, query: ListQuery) {
  return infiniteQueryOptions({
    queryKey: taskKeys.list(workspaceId, query),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspaceId}/tasks', {
          params: {
            path: { workspaceId },
            query: { ...query, ...cursorOf(pageParam) },
          },
          signal,
        }),
      ),
    ...cursorPaging,
  });
}

export function useTasks(workspaceId: string, query: ListQuery) {
  return useInfiniteQuery(tasksQueryOptions(workspaceId, query));
}
