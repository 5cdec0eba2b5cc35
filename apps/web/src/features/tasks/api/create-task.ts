import { useMutation } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import { api, unwrap } from '../../../api/client.ts';
import { useTaskCache } from './task-cache.ts';

type CreateTaskBody = components['schemas']['CreateTaskBodyInput'];

/** Not optimistic: the new task's id and position come from the API, which answers quickly. */
export function useCreateTask(workspaceId: string) {
  const cache = useTaskCache(workspaceId);
  return useMutation({
    ...cache.mutation,
    mutationFn: (body: CreateTaskBody) =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspaceId}/tasks', {
          params: { path: { workspaceId } },
          body,
        }),
      ),
    onSuccess: (task) => cache.put(task),
  });
}
