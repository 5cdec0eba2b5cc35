import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import { api, unwrap } from '../../../api/client.ts';
import { invitationKeys } from './invitation-keys.ts';

type Invitation = components['schemas']['Invitation'];

/** Optimistic: the invitation leaves the list at once, and comes back if revoking fails. */
export function useRevokeInvitation(workspaceId: string) {
  const queryClient = useQueryClient();
  const key = invitationKeys.pending(workspaceId);
  return useMutation({
    mutationFn: (invitationId: string) =>
      unwrap(
        api.DELETE('/api/v1/workspaces/{workspaceId}/invitations/{invitationId}', {
          params: { path: { workspaceId, invitationId } },
        }),
      ),
    onMutate: async (invitationId) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<{ items: Invitation[] }>(key);
      if (before) {
        queryClient.setQueryData(key, {
          ...before,
          items: before.items.filter((i) => i.id !== invitationId),
        });
      }
      return { before };
    },
    onError: (_error, _id, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
