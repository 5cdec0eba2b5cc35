import type { Notification, NotificationPages } from './notification-types.ts';

/** Every page carries the count; the first page's is the one shown. */
export const unreadCountOf = (data: NotificationPages): number => data.pages[0]?.unreadCount ?? 0;

const withCount = (data: NotificationPages, unreadCount: number): NotificationPages => ({
  ...data,
  pages: data.pages.map((page) => ({ ...page, unreadCount })),
});

/**
 * A new notification goes on top. The later pages stay as they are: their cursors point past
 * older notifications, which a newer one does not move.
 */
export function prependNotification(
  data: NotificationPages,
  notification: Notification,
): NotificationPages {
  const [first, ...rest] = data.pages;
  if (!first) return data;
  if (data.pages.some((page) => page.items.some((item) => item.id === notification.id))) {
    return data;
  }
  const unread = unreadCountOf(data) + (notification.readAt === null ? 1 : 0);
  const pages = [{ ...first, items: [notification, ...first.items] }, ...rest];
  return withCount({ ...data, pages }, unread);
}

/**
 * Marks `ids` read (every notification when null) as of `readAt`. The count is the server's when
 * given; otherwise it is worked out from what changed here.
 */
export function markRead(
  data: NotificationPages,
  ids: readonly string[] | null,
  readAt: string,
  unreadCount?: number,
): NotificationPages {
  let newlyRead = 0;
  const pages = data.pages.map((page) => ({
    ...page,
    items: page.items.map((item) => {
      if (item.readAt !== null || (ids !== null && !ids.includes(item.id))) return item;
      newlyRead += 1;
      return { ...item, readAt };
    }),
  }));
  const fallback = ids === null ? 0 : Math.max(0, unreadCountOf(data) - newlyRead);
  return withCount({ ...data, pages }, unreadCount ?? fallback);
}
