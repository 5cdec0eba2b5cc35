import type { QueryClient } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import type { Task } from '../model/task-types.ts';
import { labelsQueryOptions } from './get-labels.ts';
import { taskCache } from './task-cache.ts';
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

/**
 * A live event about tasks, patched into the cached lists and details in place, without a
 * refetch: a new, changed or restored task goes where it belongs in every list it matches.
 */
export function applyTaskEvent(queryClient: QueryClient, event: LiveEvent): void {
  switch (event.type) {
    case 'task.created':
    case 'task.updated':
    case 'task.restored': {
      const { task } = event.data;
      taskCache(queryClient, task.workspaceId).putIfNewer(task);
      refreshLabelsFor(queryClient, task);
      // A restored task comes back with its comments and files, which no cached list knows.
      if (event.type === 'task.restored') {
        void queryClient.invalidateQueries({ queryKey: taskKeys.lists(task.workspaceId) });
      }
      return;
    }
    case 'task.deleted':
      if (event.workspaceId) taskCache(queryClient, event.workspaceId).remove(event.data.taskId);
      return;
    default:
      return;
  }
}
