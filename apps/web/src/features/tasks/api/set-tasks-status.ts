import { toast } from 'sonner';
import { api, unwrap } from '../../../api/client.ts';
import { humanMessage } from '../../../api/error-message.ts';
import { applyChanges } from '../model/conflict.ts';
import type { TaskStatus } from '../model/task-types.ts';
import { useTaskMutation } from './task-cache.ts';

/** Bulk status change: all or nothing on the server, so all or nothing here too. */
export function useSetTasksStatus(workspaceId: string) {
  return useTaskMutation(
    workspaceId,
    ({ ids, status }: { ids: string[]; status: TaskStatus }) =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspaceId}/tasks/bulk-status', {
          params: { path: { workspaceId } },
          body: { ids, status },
        }),
      ),
    (cache) => ({
      onMutate: async ({ ids, status }) => {
        const rollback = await cache.snapshot();
        for (const id of ids) {
          const task = cache.find(id);
          if (task) cache.put(applyChanges(task, { status }));
        }
        return { rollback };
      },
      onError: (error, _variables, context) => {
        context?.rollback();
        toast.error(humanMessage(error));
      },
      onSuccess: ({ items }) => {
        for (const task of items) cache.put(task);
      },
    }),
  );
}
