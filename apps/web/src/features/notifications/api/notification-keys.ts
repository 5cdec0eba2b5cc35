/** Keys of the notifications feature: one list, which also holds the unread count. */
export const notificationKeys = {
  all: () => ['notifications'] as const,
  list: () => [...notificationKeys.all(), 'list'] as const,
};
