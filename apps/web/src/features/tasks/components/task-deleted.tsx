import { Button } from '../../../components/button.tsx';
import { TextLink } from '../../../components/text-link.tsx';
import { relativeTime } from '../../../lib/relative-time.ts';
import { useRestoreTask } from '../api/restore-task.ts';
import type { TaskDeletion } from '../api/task-deletions.ts';
import type { Member } from '../model/task-types.ts';

/** Who deleted it, as the reader knows them; null for the system. */
function deleter(deletion: TaskDeletion, members: ReadonlyMap<string, Member>, me: string) {
  if (deletion.actorId === null) return null;
  if (deletion.actorId === me) return 'You';
  return members.get(deletion.actorId)?.name ?? 'A former member';
}

/** "Sam deleted it 5 minutes ago." */
function DeletedBy({
  deletion,
  members,
  currentUserId,
}: {
  deletion: TaskDeletion;
  members: ReadonlyMap<string, Member>;
  currentUserId: string;
}) {
  const who = deleter(deletion, members, currentUserId);
  const when = (
    <time dateTime={deletion.at} title={new Date(deletion.at).toLocaleString()}>
      {relativeTime(deletion.at)}
    </time>
  );
  return (
    <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="task-deleted-by">
      {who === null ? (
        <>It was deleted {when}.</>
      ) : (
        <>
          {who} deleted it {when}.
        </>
      )}
    </p>
  );
}

/**
 * What the page of a task deleted while it was open shows instead of the task: that it was
 * deleted, by whom and when if a live event told, and the way to restore it (the API lets any
 * member restore a task for 30 days) or to go back to the board.
 */
export function TaskDeleted({
  workspaceId,
  taskId,
  title,
  deletion,
  members,
  currentUserId,
}: {
  workspaceId: string;
  taskId: string;
  title: string | null;
  deletion: TaskDeletion | undefined;
  members: ReadonlyMap<string, Member>;
  currentUserId: string;
}) {
  const restore = useRestoreTask(workspaceId);
  return (
    <section
      aria-labelledby="task-deleted-heading"
      className="space-y-4 rounded-lg border border-slate-300 p-6 dark:border-slate-700"
      data-testid="task-deleted"
    >
      <div role="alert" className="space-y-1">
        <h1 id="task-deleted-heading" className="text-2xl font-semibold">
          This task was deleted
        </h1>
        {title && <p className="break-words font-medium">“{title}”</p>}
        {deletion && (
          <DeletedBy deletion={deletion} members={members} currentUserId={currentUserId} />
        )}
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        A deleted task can be restored for 30 days.
      </p>
      <div className="flex flex-wrap items-center gap-4">
        <Button disabled={restore.isPending} onClick={() => restore.mutate(taskId)}>
          Restore
        </Button>
        <TextLink to="/w/$workspaceId" params={{ workspaceId }} className="text-sm">
          Back to the board
        </TextLink>
      </div>
    </section>
  );
}
