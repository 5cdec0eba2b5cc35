import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { cursorPagedGet } from '../../../api/cursor-pages.ts';
import type { ListQuery } from '../model/task-types.ts';
import { taskKeys } from './task-keys.ts';

/** One list of the board, a page at a time (keyset pagination: the cursor is opaque). */
export function tasksQueryOptions(workspaceId: string, query: ListQuery) {
  return infiniteQueryOptions({
    queryKey: taskKeys.list(workspaceId, query),
    ...cursorPagedGet('/api/v1/workspaces/{workspaceId}/tasks', { path: { workspaceId }, query }),
  });
}

export function useTasks(workspaceId: string, query: ListQuery) {
  return useInfiniteQuery(tasksQueryOptions(workspaceId, query));
}
