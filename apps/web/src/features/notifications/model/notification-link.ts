import type { Notification } from './notification-types.ts';

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const taskPath = new RegExp(`^/w/(${uuid})/tasks/(${uuid})$`, 'i');

/**
 * Where a notification leads: a task opened in the app, a file of the API (an export) that the
 * app must fetch with its bearer token, or another path of this site.
 */
type NotificationTarget =
  | { kind: 'task'; workspaceId: string; taskId: string }
  | { kind: 'task-page'; workspaceId: string; taskId: string }
  | { kind: 'download'; path: string }
  | { kind: 'path'; href: string };

/**
 * The target of a notification's `link`. Only paths of this origin are followed: `//host` or a
 * scheme would let a notification lead off the site.
 */
export function targetOf(link: string | null): NotificationTarget | null {
  if (!link?.startsWith('/') || link.startsWith('//')) return null;
  const task = taskPath.exec(link);
  if (task?.[1] && task[2]) return { kind: 'task', workspaceId: task[1], taskId: task[2] };
  // The API answers only with the bearer token, which a followed link does not carry.
  if (link.startsWith('/api/')) return { kind: 'download', path: link };
  return { kind: 'path', href: link };
}

/**
 * Where a notification leads: a mention opens the task's own page, at its comments; any other
 * notification follows its link.
 */
export function notificationTarget(
  notification: Pick<Notification, 'type' | 'link' | 'workspaceId' | 'taskId'>,
): NotificationTarget | null {
  const { type, workspaceId, taskId } = notification;
  if (type === 'comment.mentioned' && workspaceId && taskId) {
    return { kind: 'task-page', workspaceId, taskId };
  }
  return targetOf(notification.link);
}
