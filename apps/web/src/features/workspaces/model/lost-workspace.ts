import type { components } from '@taskflow/contract/openapi';

type LiveEvent = components['schemas']['LiveEvent'];

/** The workspace `userId` no longer has, by this event: deleted, or they left or were removed. */
export function lostWorkspace(event: LiveEvent, userId: string): string | undefined {
  if (event.type === 'workspace.deleted') return event.data.workspaceId;
  if (event.type === 'member.removed' && event.data.userId === userId) {
    return event.workspaceId ?? undefined;
  }
  return undefined;
}
