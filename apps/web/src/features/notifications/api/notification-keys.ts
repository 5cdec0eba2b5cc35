/** Keys of the notifications feature: one list, which also holds the unread count; the settings. */
export const notificationKeys = {
  all: () => ['notifications'] as const,
  list: () => [...notificationKeys.all(), 'list'] as const,
  settings: () => [...notificationKeys.all(), 'settings'] as const,
};
