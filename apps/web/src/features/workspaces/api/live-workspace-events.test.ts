import type { QueryClient } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '../../../lib/query-client.ts';
import { applyWorkspaceEvent } from './live-workspace-events.ts';
import { workspaceKeys } from './workspace-keys.ts';

type LiveEvent = components['schemas']['LiveEvent'];
type Workspace = components['schemas']['Workspace'];
type Member = components['schemas']['Member'];

const me = '11111111-1111-4111-8111-111111111111';
const other = '22222222-2222-4222-8222-222222222222';
const time = '2026-01-01T00:00:00.000Z';

const workspace = (id: string, name: string): Workspace => ({
  id,
  name,
  personal: false,
  role: 'member',
  createdBy: null,
  memberCount: 2,
  createdAt: time,
  updatedAt: time,
});
const member = (userId: string, role: Member['role'] = 'member'): Member => ({
  userId,
  name: `User ${userId.slice(0, 1)}`,
  email: `${userId.slice(0, 1)}@example.test`,
  role,
  joinedAt: time,
});
const team = workspace('33333333-3333-4333-8333-333333333333', 'Team');
const side = workspace('44444444-4444-4444-8444-444444444444', 'Side');

function event<T extends LiveEvent['type']>(
  type: T,
  data: Extract<LiveEvent, { type: T }>['data'],
  workspaceId: string | null = team.id,
): LiveEvent {
  return { id: '1', type, workspaceId, actorId: other, createdAt: time, data } as LiveEvent;
}

let queryClient: QueryClient;
const listKey = workspaceKeys.list();
const membersKey = workspaceKeys.members(team.id);
const names = () =>
  queryClient.getQueryData<{ items: Workspace[] }>(listKey)?.items.map((w) => w.name);
const members = () => queryClient.getQueryData<{ items: Member[] }>(membersKey)?.items;

beforeEach(() => {
  queryClient = createQueryClient();
  queryClient.setQueryData(listKey, { items: [team, side] });
  queryClient.setQueryData(membersKey, { items: [member(me), member(other)] });
});

afterEach(() => queryClient.clear());

describe('applyWorkspaceEvent', () => {
  it('renames a workspace in place', () => {
    const change = { id: team.id, name: 'Renamed', personal: false, updatedAt: time };
    applyWorkspaceEvent(queryClient, event('workspace.updated', { workspace: change }), me);
    expect(names()).toEqual(['Renamed', 'Side']);
    expect(queryClient.getQueryState(listKey)?.isInvalidated).toBe(false);
  });

  it('drops a deleted workspace, and one the caller was removed from', () => {
    applyWorkspaceEvent(queryClient, event('workspace.deleted', { workspaceId: side.id }), me);
    expect(names()).toEqual(['Team']);
    applyWorkspaceEvent(queryClient, event('member.removed', { userId: me }), me);
    expect(names()).toEqual([]);
  });

  it('takes another member out of the members, and refreshes the counts', () => {
    applyWorkspaceEvent(queryClient, event('member.removed', { userId: other }), me);
    expect(members()?.map((m) => m.userId)).toEqual([me]);
    expect(names()).toEqual(['Team', 'Side']);
    expect(queryClient.getQueryState(listKey)?.isInvalidated).toBe(true);
  });

  it('changes a member’s role, and the caller’s own role in the list', () => {
    applyWorkspaceEvent(queryClient, event('member.updated', { member: member(me, 'owner') }), me);
    expect(members()?.map((m) => m.role)).toEqual(['owner', 'member']);
    const list = queryClient.getQueryData<{ items: Workspace[] }>(listKey)?.items;
    expect(list?.[0]).toMatchObject({ name: 'Team', role: 'owner' });
  });

  it('refetches what an event does not carry: a new member, a new workspace', () => {
    applyWorkspaceEvent(queryClient, event('member.added', { member: member(other) }), me);
    expect(queryClient.getQueryState(membersKey)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(listKey)?.isInvalidated).toBe(true);
  });
});
