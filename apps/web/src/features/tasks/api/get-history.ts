import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { cursorPagedGet } from '../../../api/cursor-pages.ts';
import { taskKeys } from './task-keys.ts';

const historyQueryOptions = (workspaceId: string, taskId: string) =>
  infiniteQueryOptions({
    queryKey: taskKeys.history(workspaceId, taskId),
    ...cursorPagedGet('/api/v1/workspaces/{workspaceId}/tasks/{taskId}/history', {
      path: { workspaceId, taskId },
      query: { limit: 50 },
    }),
  });

/** What happened to a task, newest first, a page at a time. */
export function useHistory(workspaceId: string, taskId: string) {
  return useInfiniteQuery(historyQueryOptions(workspaceId, taskId));
}
