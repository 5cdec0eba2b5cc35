import type { QueryClient } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import type { Task } from '../model/task-types.ts';
import { labelsQueryOptions } from './get-labels.ts';
import { taskCache } from './task-cache.ts';
import { taskDeletions } from './task-deletions.ts';
import { taskKeys } from './task-keys.ts';

type LiveEvent = components['schemas']['LiveEvent'];

/** The filter's label list learns a label from the task that brings it, not from every change. */
function refreshLabelsFor(queryClient: QueryClient, task: Task) {
  const { queryKey } = labelsQueryOptions(task.workspaceId);
  const known = queryClient.getQueryData(queryKey)?.items;
  if (known && task.labels.some((label) => !known.includes(label))) {
    void queryClient.invalidateQueries({ queryKey, exact: true });
  }
}

/** Any change to a task may move the counts of the board's columns: they are asked again. */
function refreshCounts(queryClient: QueryClient, workspaceId: string) {
  void queryClient.invalidateQueries({ queryKey: taskKeys.allCounts(workspaceId) });
}

/**
 * A live event about tasks, patched into the cached lists and details in place, without a
 * refetch: a new, changed or restored task goes where it belongs in every list it matches; a
 * deleted one leaves them, and its deletion is recorded for its page. Only the column counts,
 * which no event carries, are refetched.
 */
export function applyTaskEvent(queryClient: QueryClient, event: LiveEvent): void {
  switch (event.type) {
    case 'task.created':
    case 'task.updated':
    case 'task.restored': {
      const { task } = event.data;
      taskCache(queryClient, task.workspaceId).putIfNewer(task);
      refreshLabelsFor(queryClient, task);
      refreshCounts(queryClient, task.workspaceId);
      // A restored task comes back with its comments and files, which no cached list knows.
      if (event.type === 'task.restored') {
        void queryClient.invalidateQueries({ queryKey: taskKeys.lists(task.workspaceId) });
      }
      return;
    }
    case 'task.deleted': {
      if (!event.workspaceId) return;
      const { taskId } = event.data;
      const cache = taskCache(queryClient, event.workspaceId);
      // Its page, if open, says who deleted it, and when, instead of failing to refetch it.
      const title = cache.find(taskId)?.title ?? null;
      cache.remove(taskId);
      refreshCounts(queryClient, event.workspaceId);
      taskDeletions(queryClient, event.workspaceId).record(taskId, {
        actorId: event.actorId,
        at: event.createdAt,
        title,
      });
      return;
    }
    default:
      return;
  }
}
