import { useQuery } from '@tanstack/react-query';
import { itemsQueryOptions } from '../../../api/item-lists.ts';
import { taskKeys } from './task-keys.ts';

export const labelsQueryOptions = (workspaceId: string) =>
  itemsQueryOptions(taskKeys.labels(workspaceId), '/api/v1/workspaces/{workspaceId}/labels', {
    workspaceId,
  });

export function useLabels(workspaceId: string) {
  return useQuery(labelsQueryOptions(workspaceId));
}
