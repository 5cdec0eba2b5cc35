import { type QueryClient, queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { taskKeys } from './task-keys.ts';

/** What a live `task.deleted` event tells about it, and the title the cache knew it by. */
export type TaskDeletion = { actorId: string | null; at: string; title: string | null };

/**
 * Written by live events, never fetched: the API answers a deleted task with a plain 404, which
 * says neither who nor when. Null once the task is back.
 */
const deletionQueryOptions = (workspaceId: string, taskId: string) =>
  queryOptions<TaskDeletion | null>({
    queryKey: taskKeys.deletion(workspaceId, taskId),
    queryFn: skipToken,
  });

/** How a task was deleted, while its page is open; undefined unless a live event said so. */
export function useTaskDeletion(workspaceId: string, taskId: string): TaskDeletion | undefined {
  return useQuery(deletionQueryOptions(workspaceId, taskId)).data ?? undefined;
}

/** The deletions of one workspace's tasks the live events told of. */
export function taskDeletions(queryClient: QueryClient, workspaceId: string) {
  const keyOf = (taskId: string) => deletionQueryOptions(workspaceId, taskId).queryKey;
  return {
    record: (taskId: string, deletion: TaskDeletion) =>
      queryClient.setQueryData(keyOf(taskId), deletion),
    /** Forgets that a task was deleted; true if it was recorded as deleted. */
    forget(taskId: string): boolean {
      if (!queryClient.getQueryData(keyOf(taskId))) return false;
      queryClient.setQueryData(keyOf(taskId), null);
      return true;
    },
  };
}
