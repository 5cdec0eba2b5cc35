import { queryOptions, useQuery } from '@tanstack/react-query';
import { getByPath } from '../../../api/client.ts';
import { taskKeys } from './task-keys.ts';

function taskQueryOptions(workspaceId: string, taskId: string) {
  return queryOptions({
    queryKey: taskKeys.detail(workspaceId, taskId),
    queryFn: ({ signal }) =>
      getByPath('/api/v1/workspaces/{workspaceId}/tasks/{taskId}', { workspaceId, taskId }, signal),
    // The edit dialog sends this version in If-Match: start from the newest one.
    staleTime: 0,
  });
}

export function useTask(workspaceId: string, taskId: string) {
  return useQuery(taskQueryOptions(workspaceId, taskId));
}
