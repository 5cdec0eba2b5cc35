import { queryOptions, useQuery } from '@tanstack/react-query';
import { getByPath } from '../../../api/client.ts';
import { workspaceKeys } from './workspace-keys.ts';

export function membersQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: workspaceKeys.members(workspaceId),
    queryFn: ({ signal }) =>
      getByPath('/api/v1/workspaces/{workspaceId}/members', { workspaceId }, signal),
    select: (list) => list.items,
  });
}

export function useMembers(workspaceId: string) {
  return useQuery(membersQueryOptions(workspaceId));
}
