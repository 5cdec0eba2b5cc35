import { RESTORE_WINDOW_DAYS } from '@taskflow/contract';
import { toast } from 'sonner';
import { api, unwrap } from '../../../api/client.ts';
import { humanMessage } from '../../../api/error-message.ts';
import type { Task } from '../model/task-types.ts';
import { useRestoreTask } from './restore-task.ts';
import { useTaskMutation } from './task-cache.ts';

/** Long enough to read the toast and reach its Undo button, keyboard included. */
const UNDO_MS = 10_000;

/** The task leaves the board at once; the toast that says so offers Undo (the API restores). */
export function useDeleteTask(workspaceId: string) {
  const restore = useRestoreTask(workspaceId);
  return useTaskMutation(
    workspaceId,
    (task: Task) =>
      unwrap(
        api.DELETE('/api/v1/workspaces/{workspaceId}/tasks/{taskId}', {
          params: { path: { workspaceId, taskId: task.id } },
        }),
      ),
    (cache) => ({
      onMutate: async (task) => {
        const rollback = await cache.snapshot();
        cache.remove(task.id);
        return { rollback };
      },
      onError: (error, _task, context) => {
        context?.rollback();
        toast.error(humanMessage(error));
      },
      onSuccess: (_data, task) => {
        toast(`Deleted “${task.title}”`, {
          description: `It stays in the workspace’s trash for ${RESTORE_WINDOW_DAYS} days.`,
          duration: UNDO_MS,
          action: { label: 'Undo', onClick: () => restore.mutate(task.id) },
        });
      },
    }),
  );
}
