import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import { api, unwrap } from '../../../api/client.ts';
import { invitationKeys } from './invitation-keys.ts';

/** The answer carries the link's URL: the only time it is shown. */
export function useCreateInviteLink(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: components['schemas']['CreateInviteLinkBodyInput']) =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspaceId}/invite-links', {
          params: { path: { workspaceId } },
          body,
        }),
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: invitationKeys.pending(workspaceId) }),
  });
}
