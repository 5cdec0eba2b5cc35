import type { components } from '@taskflow/contract/openapi';
import { describe, expect, it } from 'vitest';
import { lostWorkspace } from './lost-workspace.ts';

type LiveEvent = components['schemas']['LiveEvent'];

const me = '11111111-1111-4111-8111-111111111111';
const other = '22222222-2222-4222-8222-222222222222';
const team = '33333333-3333-4333-8333-333333333333';
const envelope = { id: '1', workspaceId: team, actorId: other, createdAt: '2026-01-01T00:00:00Z' };
const removed = (userId: string): LiveEvent => ({
  ...envelope,
  type: 'member.removed',
  data: { userId },
});

describe('lostWorkspace', () => {
  it('names a deleted workspace, and one the caller left or was removed from', () => {
    const deleted: LiveEvent = {
      ...envelope,
      type: 'workspace.deleted',
      data: { workspaceId: team },
    };
    expect(lostWorkspace(deleted, me)).toBe(team);
    expect(lostWorkspace(removed(me), me)).toBe(team);
  });

  it('names none when someone else is removed', () => {
    expect(lostWorkspace(removed(other), me)).toBeUndefined();
  });
});
