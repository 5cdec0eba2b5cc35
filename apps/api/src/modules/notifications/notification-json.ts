import type { Notification, NotificationType } from '@taskflow/contract';
import type { NotificationRow } from './notifications.repository.ts';

const linkOf = (row: NotificationRow): string | null => {
  const link = row.data.link;
  if (typeof link === 'string') return link;
  return row.workspace_id && row.task_id ? `/w/${row.workspace_id}/tasks/${row.task_id}` : null;
};

/** A notification row as its reader sees it. */
export function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    type: row.type as NotificationType,
    title: row.title,
    workspaceId: row.workspace_id,
    taskId: row.task_id,
    actorId: row.actor_id,
    link: linkOf(row),
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}
