import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { cursorPagedGet } from '../../../api/cursor-pages.ts';
import { taskKeys } from './task-keys.ts';

const commentsQueryOptions = (workspaceId: string, taskId: string) =>
  infiniteQueryOptions({
    queryKey: taskKeys.comments(workspaceId, taskId),
    ...cursorPagedGet('/api/v1/workspaces/{workspaceId}/tasks/{taskId}/comments', {
      path: { workspaceId, taskId },
      query: { limit: 50 },
    }),
  });

/** A task's comments, oldest first, a page at a time. */
export function useComments(workspaceId: string, taskId: string) {
  return useInfiniteQuery(commentsQueryOptions(workspaceId, taskId));
}
