import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error.ts';
import { getByPath } from '../../../api/client.ts';
import { taskCache } from './task-cache.ts';
import { useTaskDeletion } from './task-deletions.ts';
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

/** One task; `enabled: false` once it is known to be deleted, so that nothing asks for it. */
export function useTask(workspaceId: string, taskId: string, { enabled = true } = {}) {
  return useQuery({ ...taskQueryOptions(workspaceId, taskId), enabled });
}

/** Whether the API answered that the task is not there (deleted, or never one the caller sees). */
export function isTaskGone(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** How long a task a text links to is shown without asking the API again. */
const linkedTaskStaleTime = 5 * 60_000;

/**
 * A task that a description or comment links to, for the link's title. The cache is asked first:
 * a task on a loaded board, or one whose page was open, costs no request. Any other is fetched
 * once for all the links to it, then kept for a few minutes (live events keep it current), so a
 * page of comments that name the same tasks sends one request per task, not one per link.
 * Nothing is fetched for a task a live event said was deleted.
 */
export function useLinkedTask(workspaceId: string, taskId: string) {
  const queryClient = useQueryClient();
  const deletion = useTaskDeletion(workspaceId, taskId);
  const task = useQuery({
    ...taskQueryOptions(workspaceId, taskId),
    initialData: () => taskCache(queryClient, workspaceId).find(taskId),
    staleTime: linkedTaskStaleTime,
    enabled: deletion === undefined,
  });
  return { task: task.data, gone: deletion !== undefined || isTaskGone(task.error) };
}
