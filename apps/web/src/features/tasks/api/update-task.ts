import { toast } from 'sonner';
import { api, unwrap } from '../../../api/client.ts';
import { humanMessage } from '../../../api/error-message.ts';
import { applyChanges, conflictOf, type TaskChanges } from '../model/conflict.ts';
import type { Task } from '../model/task-types.ts';
import { useTaskMutation } from './task-cache.ts';

type UpdateTaskVariables = {
  /** The task as the change was made on: its version goes in If-Match. */
  task: Task;
  changes: TaskChanges;
  /** Refuse the write (412) if someone changed the task since `task` was read. */
  conditional?: boolean;
};

/**
 * Optimistic: every cached list and the detail show the change at once, and go back if the API
 * refuses it. A refused conditional write also brings the task as it is now into the cache.
 * `notify: false` leaves the error to the caller (a form shows it beside its fields).
 */
export function useUpdateTask(workspaceId: string, { notify = true } = {}) {
  return useTaskMutation(
    workspaceId,
    ({ task, changes, conditional = false }: UpdateTaskVariables) =>
      unwrap(
        api.PATCH('/api/v1/workspaces/{workspaceId}/tasks/{taskId}', {
          params: {
            path: { workspaceId, taskId: task.id },
            header: conditional ? { 'if-match': `"${task.version}"` } : {},
          },
          body: changes,
        }),
      ),
    (cache) => ({
      onMutate: async ({ task, changes }) => {
        const rollback = await cache.snapshot();
        cache.put(applyChanges(task, changes));
        return { rollback };
      },
      onError: (error, _variables, context) => {
        context?.rollback();
        const current = conflictOf(error);
        if (current) cache.put(current);
        if (notify) toast.error(humanMessage(error));
      },
      onSuccess: (task) => cache.put(task),
    }),
  );
}
