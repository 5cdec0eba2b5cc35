import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { applyRoleEvent } from './live-role-events.ts';

const base = { id: '7', workspaceId: null, actorId: null, createdAt: '2026-12-06T10:00:00.000Z' };

describe('applyRoleEvent', () => {
  it('refreshes the session, then reads the cached queries again, on a role change', async () => {
    const queryClient = new QueryClient();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    const refresh = vi.fn(() => Promise.resolve(true));
    await applyRoleEvent(
      queryClient,
      { ...base, type: 'user.role_changed', data: { role: 'admin' } },
      refresh,
    );
    expect(refresh).toHaveBeenCalledOnce();
    expect(invalidate).toHaveBeenCalledOnce();
  });

  it('ignores other events, and survives a refresh that cannot reach the server', async () => {
    const queryClient = new QueryClient();
    const refresh = vi.fn(() => Promise.reject(new Error('offline')));
    expect(
      applyRoleEvent(
        queryClient,
        { ...base, type: 'notifications.read', data: { ids: null, unreadCount: 0 } },
        refresh,
      ),
    ).toBeUndefined();
    expect(refresh).not.toHaveBeenCalled();
    await expect(
      applyRoleEvent(
        queryClient,
        { ...base, type: 'user.role_changed', data: { role: 'user' } },
        refresh,
      ),
    ).resolves.toBeUndefined();
  });
});
