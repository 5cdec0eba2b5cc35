import { queryOptions, useQuery } from '@tanstack/react-query';
import { getByPath } from '../../../api/client.ts';
import { taskKeys } from './task-keys.ts';

export function labelsQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: taskKeys.labels(workspaceId),
    queryFn: ({ signal }) =>
      getByPath('/api/v1/workspaces/{workspaceId}/labels', { workspaceId }, signal),
    select: (list) => list.items,
  });
}

export function useLabels(workspaceId: string) {
  return useQuery(labelsQueryOptions(workspaceId));
}
