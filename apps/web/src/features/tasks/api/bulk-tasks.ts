import { RESTORE_WINDOW_DAYS } from '@taskflow/contract';
import { toast } from 'sonner';
import { api, unwrap } from '../../../api/client.ts';
import { humanMessage } from '../../../api/error-message.ts';
import { applyBulkAction, type BulkAction, bulkDoneMessage } from '../model/bulk-action.ts';
import { useTaskMutation } from './task-cache.ts';

/** Long enough to read the toast and reach its Undo button, keyboard included. */
const UNDO_MS = 10_000;

type Variables = { taskIds: string[]; action: BulkAction };

/** Undoes a bulk deletion: every task comes back where it was. */
function useRestoreTasks(workspaceId: string) {
  return useTaskMutation(
    workspaceId,
    (taskIds: string[]) =>
      Promise.all(
        taskIds.map((taskId) =>
          unwrap(
            api.POST('/api/v1/workspaces/{workspaceId}/tasks/{taskId}/restore', {
              params: { path: { workspaceId, taskId } },
            }),
          ),
        ),
      ),
    (cache) => ({
      onSuccess: (tasks) => {
        for (const task of tasks) cache.put(task);
        toast.success(tasks.length === 1 ? 'Restored 1 task' : `Restored ${tasks.length} tasks`);
      },
      onError: (error) => toast.error(humanMessage(error)),
    }),
  );
}

/**
 * One action on several tasks: all or nothing on the server, so all or nothing here too. The
 * board shows the result at once; a deletion's toast offers Undo for all of them.
 */
export function useBulkTasks(workspaceId: string) {
  const restore = useRestoreTasks(workspaceId);
  return useTaskMutation(
    workspaceId,
    (variables: Variables) =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspaceId}/tasks/bulk', {
          params: { path: { workspaceId } },
          body: variables,
        }),
      ),
    (cache) => ({
      onMutate: async ({ taskIds, action }) => {
        const rollback = await cache.snapshot();
        for (const id of taskIds) {
          const task = cache.find(id);
          if (!task) continue;
          const next = applyBulkAction(task, action);
          if (next) cache.put(next);
          else cache.remove(id);
        }
        return { rollback };
      },
      onError: (error, _variables, context) => {
        context?.rollback();
        toast.error(humanMessage(error));
      },
      onSuccess: ({ items }, { action }) => {
        const message = bulkDoneMessage(action, items.length);
        if (action.type === 'delete') {
          const ids = items.map((task) => task.id);
          toast(message, {
            description: `They stay in the workspace’s trash for ${RESTORE_WINDOW_DAYS} days.`,
            duration: UNDO_MS,
            action: { label: 'Undo', onClick: () => restore.mutate(ids) },
          });
          return;
        }
        if (action.type !== 'move') for (const task of items) cache.put(task);
        toast.success(message);
      },
    }),
  );
}
