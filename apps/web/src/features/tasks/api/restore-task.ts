import { toast } from 'sonner';
import { api, unwrap } from '../../../api/client.ts';
import { humanMessage } from '../../../api/error-message.ts';
import { useTaskMutation } from './task-cache.ts';

/** Undo of a deletion: the task comes back where it was, its position unchanged. */
export function useRestoreTask(workspaceId: string) {
  return useTaskMutation(
    workspaceId,
    (taskId: string) =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspaceId}/tasks/{taskId}/restore', {
          params: { path: { workspaceId, taskId } },
        }),
      ),
    (cache) => ({
      onSuccess: (task) => {
        cache.put(task);
        toast.success(`Restored “${task.title}”`);
      },
      onError: (error) => toast.error(humanMessage(error)),
    }),
  );
}
