import { queryOptions, useQuery } from '@tanstack/react-query';
import { getByPath } from '../../../api/client.ts';
import { taskKeys } from './task-keys.ts';

/** Whether the caller is told about the task's changes (assignees and creators are, at first). */
export function taskFollowQueryOptions(workspaceId: string, taskId: string) {
  return queryOptions({
    queryKey: taskKeys.follow(workspaceId, taskId),
    queryFn: ({ signal }) =>
      getByPath(
        '/api/v1/workspaces/{workspaceId}/tasks/{taskId}/follow',
        { workspaceId, taskId },
        signal,
      ),
    select: (follow) => follow.following,
    // Being assigned the task makes one follow it, and no event says so: ask each time.
    staleTime: 0,
  });
}

export function useTaskFollow(workspaceId: string, taskId: string) {
  return useQuery(taskFollowQueryOptions(workspaceId, taskId));
}
