import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import { api, unwrap } from '../../../api/client.ts';
import { workspaceKeys } from './workspace-keys.ts';

/** The member count shows in the workspace list, so both refresh. */
export function useAddMember(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: components['schemas']['AddMemberBodyInput']) =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspaceId}/members', {
          params: { path: { workspaceId } },
          body,
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: workspaceKeys.members(workspaceId) }),
        queryClient.invalidateQueries({ queryKey: workspaceKeys.list() }),
      ]),
  });
}
