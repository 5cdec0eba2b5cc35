import type { components } from '@taskflow/contract/openapi';
import { toast } from 'sonner';
import { api, unwrap } from '../../../api/client.ts';
import { humanMessage } from '../../../api/error-message.ts';
import type { Placement } from '../model/task-pages.ts';
import type { Task, TaskStatus } from '../model/task-types.ts';
import { useTaskMutation } from './task-cache.ts';

type MoveTaskVariables = { task: Task; status?: TaskStatus | undefined } & Placement;

type MoveBody = components['schemas']['MoveTaskBodyInput'];

/** The request body: a neighbour to land beside, a new column, or both. */
function moveBody({ status, afterId, beforeId }: Omit<MoveTaskVariables, 'task'>): MoveBody {
  const column = status ? { status } : {};
  if (afterId) return { afterId, ...column };
  if (beforeId) return { beforeId, ...column };
  if (status) return { status };
  throw new Error('A move needs a column or a neighbour to land beside');
}

/** A drop: the card stays where it was dropped unless the API refuses the move. */
export function useMoveTask(workspaceId: string) {
  return useTaskMutation(
    workspaceId,
    ({ task, status, afterId, beforeId }: MoveTaskVariables) =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspaceId}/tasks/{taskId}/move', {
          params: { path: { workspaceId, taskId: task.id } },
          body: moveBody({ status, afterId, beforeId }),
        }),
      ),
    (cache) => ({
      onMutate: async ({ task, status, afterId, beforeId }) => {
        const rollback = await cache.snapshot();
        cache.put({ ...task, status: status ?? task.status }, { afterId, beforeId });
        return { rollback };
      },
      onError: (error, _variables, context) => {
        context?.rollback();
        toast.error(humanMessage(error));
      },
      onSuccess: (task) => cache.put(task),
    }),
  );
}
