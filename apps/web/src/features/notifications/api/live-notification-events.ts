import type { QueryClient } from '@tanstack/react-query';
import type { LiveEvent } from '../model/notification-types.ts';
import { notificationCache } from './notification-cache.ts';

/**
 * A live event about the caller's notifications: a new one goes on top, and marks made in any
 * tab apply everywhere, with the server's count.
 */
export function applyNotificationEvent(queryClient: QueryClient, event: LiveEvent): void {
  const cache = notificationCache(queryClient);
  if (event.type === 'notification.created') cache.prepend(event.data.notification);
  if (event.type === 'notifications.read') {
    cache.markRead(event.data.ids, event.createdAt, event.data.unreadCount);
  }
}
