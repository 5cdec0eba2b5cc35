import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { toast } from 'sonner';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../../lib/query-client.ts';
import { jsonResponse, stubFetch } from '../../../test/fetch.ts';
import { unreadCountOf } from '../model/notification-pages.ts';
import type { Notification, NotificationPages } from '../model/notification-types.ts';
import { notificationsQueryOptions } from './get-notifications.ts';
import { applyNotificationEvent } from './live-notification-events.ts';
import { useMarkNotificationsRead } from './mark-notifications-read.ts';

vi.mock('sonner', () => ({ toast: { error: vi.fn() } }));

const notification = (n: number, readAt: string | null = null): Notification => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  type: 'task.assigned',
  title: `Ada assigned you “Task ${n}”`,
  workspaceId: null,
  taskId: null,
  actorId: null,
  link: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  readAt,
});
const [first, second] = [notification(1), notification(2)];
const { queryKey } = notificationsQueryOptions;

let queryClient: QueryClient;
const cached = () => queryClient.getQueryData(queryKey) as NotificationPages;
const readAts = () => cached().pages[0]?.items.map((n) => n.readAt !== null);

function wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}

beforeEach(() => {
  queryClient = createQueryClient();
  queryClient.setQueryData(queryKey, {
    pages: [{ items: [first, second], nextCursor: null, unreadCount: 2 }],
    pageParams: [null],
  });
});

afterEach(() => queryClient.clear());

describe('marking notifications read', () => {
  it('shows them read at once and takes the count the API answers', async () => {
    let answer: (response: Response) => void = () => {};
    stubFetch(() => new Promise((resolve) => (answer = resolve)));
    const { result } = renderHook(() => useMarkNotificationsRead(), { wrapper });

    act(() => result.current.mutate({ ids: [first.id] }));
    await waitFor(() => expect(readAts()).toEqual([true, false]));
    expect(unreadCountOf(cached())).toBe(1);

    answer(jsonResponse({ unreadCount: 4 }));
    await waitFor(() => expect(unreadCountOf(cached())).toBe(4));
  });

  it('puts them back as they were when the API refuses', async () => {
    // A 4xx: a POST that fails with a 5xx is sent again first (api/idempotency.ts).
    stubFetch(() =>
      jsonResponse(
        { type: 'urn:x', title: 'Too many', status: 429, code: 'RATE_LIMITED', requestId: 'r' },
        { status: 429, type: 'application/problem+json' },
      ),
    );
    const { result } = renderHook(() => useMarkNotificationsRead(), { wrapper });

    act(() => result.current.mutate({ all: true }));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(readAts()).toEqual([false, false]);
    expect(unreadCountOf(cached())).toBe(2);
    expect(toast.error).toHaveBeenCalled();
  });
});

describe('live notification events', () => {
  const envelope = { workspaceId: null, actorId: null, createdAt: '2026-01-02T00:00:00.000Z' };

  it('puts a new notification on top and counts it; a read elsewhere applies here', () => {
    const third = notification(3);
    applyNotificationEvent(queryClient, {
      ...envelope,
      id: '1',
      type: 'notification.created',
      data: { notification: third },
    });
    expect(cached().pages[0]?.items.map((n) => n.id)).toEqual([third.id, first.id, second.id]);
    expect(unreadCountOf(cached())).toBe(3);

    applyNotificationEvent(queryClient, {
      ...envelope,
      id: '2',
      type: 'notifications.read',
      data: { ids: null, unreadCount: 0 },
    });
    expect(readAts()).toEqual([true, true, true]);
    expect(unreadCountOf(cached())).toBe(0);
  });
});
