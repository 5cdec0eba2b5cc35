import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import { api, unwrap } from '../../../api/client.ts';
import { invitationKeys } from './invitation-keys.ts';

export function useInviteByEmail(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: components['schemas']['CreateInvitationBodyInput']) =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspaceId}/invitations', {
          params: { path: { workspaceId } },
          body,
        }),
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: invitationKeys.pending(workspaceId) }),
  });
}
