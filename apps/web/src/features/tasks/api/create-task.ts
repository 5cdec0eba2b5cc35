import type { components } from '@taskflow/contract/openapi';
import { api, unwrap } from '../../../api/client.ts';
import { useTaskMutation } from './task-cache.ts';

type CreateTaskBody = components['schemas']['CreateTaskBodyInput'];

/** Not optimistic: the new task's id and position come from the API, which answers quickly. */
export function useCreateTask(workspaceId: string) {
  return useTaskMutation(
    workspaceId,
    (body: CreateTaskBody) =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspaceId}/tasks', {
          params: { path: { workspaceId } },
          body,
        }),
      ),
    (cache) => ({
      onSuccess: (task) => cache.put(task),
    }),
  );
}
