import { humanMessage } from '../../../api/error-message.ts';
import { Button } from '../../../components/button.tsx';
import { LoadMore } from '../../../components/load-more.tsx';
import { Skeleton } from '../../../components/skeleton.tsx';
import { relativeTime } from '../../../lib/relative-time.ts';
import { useTrash } from '../api/get-trash.ts';
import { useRestoreFromTrash } from '../api/restore-from-trash.ts';
import { daysLeft } from '../model/days-left.ts';

/** A workspace's deleted tasks, each with the time left to restore it and a Restore button. */
export function TrashList({ workspaceId }: { workspaceId: string }) {
  const trash = useTrash(workspaceId);
  const restore = useRestoreFromTrash(workspaceId);
  if (trash.isPending) return <Skeleton label="Loading the trash" rows={3} tall />;
  if (trash.isError) {
    return (
      <div role="alert" className="space-y-2 text-sm">
        <p>{humanMessage(trash.error)}</p>
        <Button variant="secondary" size="sm" onClick={() => void trash.refetch()}>
          Try again
        </Button>
      </div>
    );
  }
  const items = trash.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="trash-empty">
        The trash is empty. Deleted tasks wait here for 30 days, so you can restore them.
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <ul
        aria-label="Deleted tasks"
        className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800"
      >
        {items.map((task) => (
          <li key={task.id} className="flex items-center gap-3 px-3 py-2" data-testid="trash-item">
            <div className="min-w-0 flex-1">
              <p className="truncate font-medium">{task.title}</p>
              <p className="text-xs text-slate-600 dark:text-slate-300">
                Deleted {relativeTime(task.deletedAt)} · {daysLeft(task.restorableUntil)}
              </p>
            </div>
            <Button
              variant="secondary"
              size="sm"
              disabled={restore.isPending && restore.variables === task.id}
              onClick={() => restore.mutate(task.id)}
              aria-label={`Restore “${task.title}”`}
            >
              Restore
            </Button>
          </li>
        ))}
      </ul>
      <LoadMore list={trash} label="Load more deleted tasks" />
    </div>
  );
}
