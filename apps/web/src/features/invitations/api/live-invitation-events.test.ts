import type { QueryClient } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '../../../lib/query-client.ts';
import { invitationKeys } from './invitation-keys.ts';
import { applyInvitationEvent } from './live-invitation-events.ts';

type LiveEvent = components['schemas']['LiveEvent'];

const workspaceId = '11111111-1111-4111-8111-111111111111';
const otherId = '22222222-2222-4222-8222-222222222222';
const invitationId = '33333333-3333-4333-8333-333333333333';
const envelope = { id: '1', actorId: null, createdAt: '2026-01-01T00:00:00.000Z' };

let queryClient: QueryClient;
const stale = (id: string) =>
  queryClient.getQueryState(invitationKeys.pending(id))?.isInvalidated ?? false;

beforeEach(() => {
  queryClient = createQueryClient();
  queryClient.setQueryData(invitationKeys.pending(workspaceId), { items: [] });
  queryClient.setQueryData(invitationKeys.pending(otherId), { items: [] });
});

afterEach(() => queryClient.clear());

describe('applyInvitationEvent', () => {
  it.each(['created', 'refreshed', 'revoked', 'used'] as const)(
    'asks the workspace’s pending invitations again when one is %s',
    (change) => {
      applyInvitationEvent(queryClient, {
        ...envelope,
        workspaceId,
        type: 'invitation.changed',
        data: { invitationId, change },
      });
      expect(stale(workspaceId)).toBe(true);
      expect(stale(otherId)).toBe(false);
    },
  );

  it('leaves the list alone on other events', () => {
    const event: LiveEvent = {
      ...envelope,
      workspaceId,
      type: 'member.removed',
      data: { userId: invitationId },
    };
    applyInvitationEvent(queryClient, event);
    expect(stale(workspaceId)).toBe(false);
  });
});
