import type { QueryClient } from '@tanstack/react-query';
import { markRead, prependNotification } from '../model/notification-pages.ts';
import type { Notification, NotificationPages } from '../model/notification-types.ts';
import { notificationsQueryOptions } from './get-notifications.ts';

/** Writes to the cached list, from the mark-read mutation and from live events alike. */
export function notificationCache(queryClient: QueryClient) {
  const { queryKey } = notificationsQueryOptions;
  const update = (change: (data: NotificationPages) => NotificationPages) =>
    queryClient.setQueryData(queryKey, (data) => (data ? change(data) : data));

  return {
    /** Stops a refetch that would undo the optimistic state, and returns the way back. */
    async snapshot(): Promise<() => void> {
      await queryClient.cancelQueries({ queryKey });
      const saved = queryClient.getQueryData(queryKey);
      return () => queryClient.setQueryData(queryKey, saved);
    },
    prepend: (notification: Notification) =>
      update((data) => prependNotification(data, notification)),
    markRead: (ids: readonly string[] | null, readAt: string, unreadCount?: number) =>
      update((data) => markRead(data, ids, readAt, unreadCount)),
  };
}
