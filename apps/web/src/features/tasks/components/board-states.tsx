import { humanMessage } from '../../../api/error-message.ts';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { Skeleton } from '../../../components/skeleton.tsx';
import { isTaskGone } from '../api/get-task.ts';

export function TaskSkeleton({
  rows = 4,
  label = 'Loading tasks…',
}: {
  rows?: number;
  label?: string;
}) {
  return <Skeleton label={label} rows={rows} tall testId="tasks-loading" />;
}

/** One task while it loads, or why it cannot be shown (gone, or the request failed). */
export function TaskLoading({ task }: { task: { isPending: boolean; error: unknown } }) {
  if (task.isPending) return <TaskSkeleton rows={5} label="Loading the task…" />;
  if (!task.error) return null;
  const gone = isTaskGone(task.error);
  return (
    <FormAlert>
      {gone ? 'This task does not exist, or it was deleted.' : humanMessage(task.error)}
    </FormAlert>
  );
}

/** Nothing to show: a new board says how to start; a filtered one offers the way back. */
export function BoardEmpty({
  filtered,
  onClearFilters,
}: {
  filtered: boolean;
  onClearFilters: () => void;
}) {
  if (filtered) {
    return (
      <div
        className="space-y-3 rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700"
        data-testid="empty-filtered"
      >
        <p className="font-medium">No tasks match these filters.</p>
        <Button variant="secondary" size="sm" onClick={onClearFilters}>
          Clear filters
        </Button>
      </div>
    );
  }
  return (
    <div
      className="space-y-1 rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700"
      data-testid="empty-board"
    >
      <p className="font-medium">No tasks yet.</p>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Type a title in “Add a task” above and press Enter.
        <span className="touch:hidden"> Press ? for keyboard shortcuts.</span>
      </p>
    </div>
  );
}

export function ListError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div className="space-y-2" data-testid="tasks-error">
      <FormAlert>{humanMessage(error)}</FormAlert>
      <Button size="sm" onClick={onRetry}>
        Retry
      </Button>
    </div>
  );
}
