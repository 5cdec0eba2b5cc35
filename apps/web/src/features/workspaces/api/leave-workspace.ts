import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { forgetWorkspace } from './get-workspaces.ts';

export function useLeaveWorkspace(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspaceId}/leave', { params: { path: { workspaceId } } }),
      ),
    onSuccess: () => forgetWorkspace(queryClient, workspaceId),
  });
}
