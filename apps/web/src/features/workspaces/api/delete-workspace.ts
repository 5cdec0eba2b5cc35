import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { forgetWorkspace } from './get-workspaces.ts';

/** Not optimistic: deleting takes every task with it, so the page waits for the API's word. */
export function useDeleteWorkspace(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.DELETE('/api/v1/workspaces/{workspaceId}', { params: { path: { workspaceId } } })),
    onSuccess: () => forgetWorkspace(queryClient, workspaceId),
  });
}
