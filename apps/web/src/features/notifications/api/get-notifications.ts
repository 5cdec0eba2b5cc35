import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { cursorPagedGet } from '../../../api/cursor-pages.ts';
import { unreadCountOf } from '../model/notification-pages.ts';
import { notificationKeys } from './notification-keys.ts';

/** The caller's notifications, newest first, a page at a time; each page has the unread count. */
export const notificationsQueryOptions = infiniteQueryOptions({
  queryKey: notificationKeys.list(),
  ...cursorPagedGet('/api/v1/notifications', {}),
});

export function useNotifications() {
  return useInfiniteQuery(notificationsQueryOptions);
}

/** The badge's number, from the same list: live events keep both up to date at once. */
export function useUnreadCount(): number {
  return useInfiniteQuery({ ...notificationsQueryOptions, select: unreadCountOf }).data ?? 0;
}
