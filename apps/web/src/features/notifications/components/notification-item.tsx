import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { relativeTime } from '../../../lib/relative-time.ts';
import { notificationTarget } from '../model/notification-link.ts';
import type { Notification } from '../model/notification-types.ts';

const row =
  'block w-full px-4 py-3 text-left text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600 dark:hover:bg-slate-800';

/**
 * The notification's link, a button that downloads its file, or a button that only marks it read
 * when it leads nowhere.
 */
function Target({
  notification,
  onOpen,
  onDownload,
  children,
}: {
  notification: Notification;
  onOpen: () => void;
  onDownload: ((path: string) => void) | undefined;
  children: ReactNode;
}) {
  const target = notificationTarget(notification);
  if (target?.kind === 'download' && onDownload) {
    return (
      <button
        type="button"
        onClick={() => {
          onOpen();
          onDownload(target.path);
        }}
        className={row}
        data-testid="notification-download"
      >
        {children}
      </button>
    );
  }
  if (target?.kind === 'task') {
    return (
      <Link
        to="/w/$workspaceId/tasks/$taskId"
        params={{ workspaceId: target.workspaceId, taskId: target.taskId }}
        onClick={onOpen}
        className={row}
      >
        {children}
      </Link>
    );
  }
  if (target?.kind === 'task-page') {
    return (
      <Link
        to="/w/$workspaceId/t/$taskId"
        params={{ workspaceId: target.workspaceId, taskId: target.taskId }}
        onClick={onOpen}
        className={row}
      >
        {children}
      </Link>
    );
  }
  if (target?.kind === 'path') {
    return (
      <a href={target.href} onClick={onOpen} className={row}>
        {children}
      </a>
    );
  }
  return (
    <button type="button" onClick={onOpen} className={row}>
      {children}
    </button>
  );
}

/** One notification: what happened and when; an unread one is marked by colour, weight and text. */
export function NotificationItem({
  notification,
  onOpen,
  onDownload,
}: {
  notification: Notification;
  onOpen: () => void;
  /** Fetches a file the notification links to (an export); without it, such a link is inert. */
  onDownload?: ((path: string) => void) | undefined;
}) {
  const unread = notification.readAt === null;
  return (
    <li
      className={unread ? 'bg-indigo-50 dark:bg-indigo-950/50' : undefined}
      data-testid="notification"
      data-unread={unread}
    >
      <Target notification={notification} onOpen={onOpen} onDownload={onDownload}>
        <span className="flex items-start gap-2">
          <span
            aria-hidden="true"
            className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${unread ? 'bg-indigo-600 dark:bg-indigo-400' : ''}`}
          />
          <span className="min-w-0 flex-1">
            {unread && <span className="sr-only">Unread:</span>}{' '}
            <span className={`block ${unread ? 'font-semibold' : ''}`}>{notification.title}</span>{' '}
            <time
              dateTime={notification.createdAt}
              title={new Date(notification.createdAt).toLocaleString()}
              className="mt-0.5 block text-xs text-slate-600 dark:text-slate-300"
            >
              {relativeTime(notification.createdAt)}
            </time>
          </span>
        </span>
      </Target>
    </li>
  );
}
