import { useQuery } from '@tanstack/react-query';
import { itemsQueryOptions } from '../../../api/item-lists.ts';
import { invitationKeys } from './invitation-keys.ts';

const invitationsQueryOptions = (workspaceId: string) =>
  itemsQueryOptions(
    invitationKeys.pending(workspaceId),
    '/api/v1/workspaces/{workspaceId}/invitations',
    { workspaceId },
  );

export function useInvitations(workspaceId: string) {
  return useQuery(invitationsQueryOptions(workspaceId));
}
