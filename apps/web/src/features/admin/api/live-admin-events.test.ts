import type { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../../lib/query-client.ts';
import type { LiveEvent } from '../model/admin-types.ts';
import { adminKeys } from './admin-keys.ts';
import { applyAdminEvent, STATS_COALESCE_MS } from './live-admin-events.ts';

const workspaceId = '11111111-1111-4111-8111-111111111111';
const deleted = (taskId: string): LiveEvent => ({
  id: '1',
  type: 'task.deleted',
  workspaceId,
  actorId: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  data: { taskId },
});
const read: LiveEvent = {
  id: '2',
  type: 'notifications.read',
  workspaceId: null,
  actorId: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  data: { ids: [], unreadCount: 0 },
};

let queryClient: QueryClient;
const statsKey = adminKeys.statsIn('Europe/Paris');
const isStale = () => queryClient.getQueryState(statsKey)?.isInvalidated;

beforeEach(() => {
  vi.useFakeTimers();
  queryClient = createQueryClient();
});

afterEach(() => {
  vi.useRealTimers();
  queryClient.clear();
});

describe('applyAdminEvent', () => {
  it('reads the figures again once after a burst of task events', () => {
    queryClient.setQueryData(statsKey, { seeded: true });
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');

    for (let i = 0; i < 5; i += 1) applyAdminEvent(queryClient, deleted(`t${i}`));
    expect(invalidate).not.toHaveBeenCalled();
    vi.advanceTimersByTime(STATS_COALESCE_MS);
    expect(invalidate).toHaveBeenCalledTimes(1);
    expect(isStale()).toBe(true);

    // A later event is not lost to the earlier burst.
    applyAdminEvent(queryClient, deleted('t9'));
    vi.advanceTimersByTime(STATS_COALESCE_MS);
    expect(invalidate).toHaveBeenCalledTimes(2);
  });

  it('ignores events that are not about tasks', () => {
    queryClient.setQueryData(statsKey, { seeded: true });
    applyAdminEvent(queryClient, read);
    vi.advanceTimersByTime(STATS_COALESCE_MS);
    expect(isStale()).toBe(false);
  });

  it('does nothing for someone who never opened the dashboard', () => {
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    applyAdminEvent(queryClient, deleted('t1'));
    vi.advanceTimersByTime(STATS_COALESCE_MS);
    expect(invalidate).not.toHaveBeenCalled();
  });
});
