import { useQuery } from '@tanstack/react-query';
import { itemsQueryOptions } from '../../../api/item-lists.ts';
import { workspaceKeys } from './workspace-keys.ts';

export const membersQueryOptions = (workspaceId: string) =>
  itemsQueryOptions(
    workspaceKeys.members(workspaceId),
    '/api/v1/workspaces/{workspaceId}/members',
    { workspaceId },
  );

export function useMembers(workspaceId: string) {
  return useQuery(membersQueryOptions(workspaceId));
}
