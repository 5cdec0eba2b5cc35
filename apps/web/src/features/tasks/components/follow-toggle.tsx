import { useTaskFollow } from '../api/get-task-follow.ts';
import { useSetTaskFollow } from '../api/set-task-follow.ts';

/** Follow a task to be notified of others' changes to it; a toggle button (aria-pressed). */
export function FollowToggle({ workspaceId, taskId }: { workspaceId: string; taskId: string }) {
  const follow = useTaskFollow(workspaceId, taskId);
  const setFollow = useSetTaskFollow(workspaceId, taskId);
  const following = follow.data === true;
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <button
        type="button"
        aria-pressed={following}
        disabled={follow.data === undefined}
        onClick={() => setFollow.mutate(!following)}
        className={`rounded-md border px-3 py-1.5 font-medium disabled:opacity-50 ${
          following
            ? 'border-indigo-600 bg-indigo-50 text-indigo-800 hover:bg-indigo-100 dark:border-indigo-400 dark:bg-indigo-950 dark:text-indigo-200 dark:hover:bg-indigo-900'
            : 'border-slate-300 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800'
        }`}
        data-testid="follow-toggle"
      >
        {following ? 'Following' : 'Follow'}
      </button>
      <span className="text-slate-600 dark:text-slate-300">
        {following
          ? 'You are notified when someone else changes this task.'
          : 'Follow to be notified when someone else changes this task.'}
      </span>
    </div>
  );
}
