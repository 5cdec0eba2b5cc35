import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { cursorOf, cursorPaging } from '../../../api/cursor-pages.ts';
import { unreadCountOf } from '../model/notification-pages.ts';
import { notificationKeys } from './notification-keys.ts';

/** The caller's notifications, newest first, a page at a time; each page has the unread count. */
export const notificationsQueryOptions = infiniteQueryOptions({
  queryKey: notificationKeys.list(),
  queryFn: ({ pageParam, signal }) =>
    unwrap(
      api.GET('/api/v1/notifications', {
        params: { query: cursorOf(pageParam) },
        signal,
      }),
    ),
  ...cursorPaging,
});

export function useNotifications() {
  return useInfiniteQuery(notificationsQueryOptions);
}

/** The badge's number, from the same list: live events keep both up to date at once. */
export function useUnreadCount(): number {
  return useInfiniteQuery({ ...notificationsQueryOptions, select: unreadCountOf }).data ?? 0;
}
