import { humanMessage } from '../../../api/error-message.ts';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { LoadMore } from '../../../components/load-more.tsx';
import { Skeleton } from '../../../components/skeleton.tsx';
import { useNotifications } from '../api/get-notifications.ts';
import { useMarkNotificationsRead } from '../api/mark-notifications-read.ts';
import { unreadCountOf } from '../model/notification-pages.ts';
import { NotificationItem } from './notification-item.tsx';

/**
 * The list under the bell, `offset` pixels left or right of it: newest first, a page at a time;
 * opening one marks it read.
 */
export function NotificationsPanel({
  id,
  offset,
  onNavigate,
  onDownload,
}: {
  id: string;
  offset: number;
  onNavigate: () => void;
  onDownload?: ((path: string) => void) | undefined;
}) {
  const notifications = useNotifications();
  const markRead = useMarkNotificationsRead();
  const items = notifications.data?.pages.flatMap((page) => page.items) ?? [];
  const unread = notifications.data ? unreadCountOf(notifications.data) : 0;
  const titleId = `${id}-title`;

  return (
    <section
      id={id}
      aria-labelledby={titleId}
      style={{ left: offset }}
      className="absolute top-full z-30 mt-2 w-[min(24rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white text-slate-900 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      data-testid="notifications-panel"
    >
      <div className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-3 dark:border-slate-700">
        <h2 id={titleId} className="font-semibold">
          Notifications
        </h2>
        {/* aria-disabled, not disabled: a button that disables itself would drop the focus. */}
        <Button
          variant="secondary"
          size="sm"
          aria-disabled={unread === 0}
          className="aria-disabled:opacity-50"
          onClick={() => {
            if (unread > 0) markRead.mutate({ all: true });
          }}
        >
          Mark all read
        </Button>
      </div>
      {notifications.isPending && (
        <Skeleton
          label="Loading the notifications…"
          className="p-4"
          testId="notifications-loading"
        />
      )}
      {notifications.isError && (
        <div className="space-y-2 p-4">
          <FormAlert>{humanMessage(notifications.error)}</FormAlert>
          <Button size="sm" onClick={() => void notifications.refetch()}>
            Retry
          </Button>
        </div>
      )}
      {notifications.isSuccess && items.length === 0 && (
        <p className="p-6 text-center text-sm text-slate-600 dark:text-slate-300">
          You have no notifications yet.
        </p>
      )}
      {items.length > 0 && (
        <div className="max-h-[min(28rem,70vh)] overflow-y-auto">
          <ul
            aria-labelledby={titleId}
            className="divide-y divide-slate-200 dark:divide-slate-800"
            data-testid="notification-list"
          >
            {items.map((notification) => (
              <NotificationItem
                key={notification.id}
                notification={notification}
                onDownload={onDownload}
                onOpen={() => {
                  if (notification.readAt === null) markRead.mutate({ ids: [notification.id] });
                  onNavigate();
                }}
              />
            ))}
          </ul>
          <LoadMore list={notifications} label="Load older notifications" />
        </div>
      )}
    </section>
  );
}
