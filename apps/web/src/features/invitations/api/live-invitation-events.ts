import type { QueryClient } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import { invitationKeys } from './invitation-keys.ts';

type LiveEvent = components['schemas']['LiveEvent'];

/**
 * An invitation made, renewed, revoked or used, here or elsewhere: the event names no address
 * (every member receives it), so the owner's pending list is fetched again, only if shown.
 */
export function applyInvitationEvent(queryClient: QueryClient, event: LiveEvent): void {
  if (event.type !== 'invitation.changed' || !event.workspaceId) return;
  void queryClient.invalidateQueries({ queryKey: invitationKeys.pending(event.workspaceId) });
}
