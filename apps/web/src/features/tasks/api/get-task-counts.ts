import { queryOptions, useQuery } from '@tanstack/react-query';
import { getData } from '../../../api/client.ts';
import type { FilterQuery } from '../model/task-types.ts';
import { taskKeys } from './task-keys.ts';

/** How many tasks of each status the board's filters keep: one request for all its columns. */
const taskCountsQueryOptions = (workspaceId: string, query: FilterQuery) =>
  queryOptions({
    queryKey: taskKeys.counts(workspaceId, query),
    queryFn: ({ signal }) =>
      getData(
        '/api/v1/workspaces/{workspaceId}/tasks/counts',
        { path: { workspaceId }, query },
        signal,
      ),
    select: (counts) => counts.byStatus,
  });

export function useTaskCounts(workspaceId: string, query: FilterQuery) {
  return useQuery(taskCountsQueryOptions(workspaceId, query));
}
