import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { targetOf } from '../model/notification-link.ts';
import type { Notification } from '../model/notification-types.ts';
import { relativeTime } from '../model/relative-time.ts';

const row =
  'block w-full px-4 py-3 text-left text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600 dark:hover:bg-slate-800';

/** The notification's link, or a button that only marks it read when it leads nowhere. */
function Target({
  notification,
  onOpen,
  children,
}: {
  notification: Notification;
  onOpen: () => void;
  children: ReactNode;
}) {
  const target = targetOf(notification.link);
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
}: {
  notification: Notification;
  onOpen: () => void;
}) {
  const unread = notification.readAt === null;
  return (
    <li
      className={unread ? 'bg-indigo-50 dark:bg-indigo-950/50' : undefined}
      data-testid="notification"
      data-unread={unread}
    >
      <Target notification={notification} onOpen={onOpen}>
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
