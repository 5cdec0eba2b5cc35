import { Link } from '@tanstack/react-router';
import type { TaskLinkProps } from '../../../components/markdown/index.ts';
import { useLinkedTask } from '../api/get-task.ts';

const chip =
  'inline-block max-w-full truncate rounded bg-slate-100 px-1.5 align-bottom text-sm font-medium dark:bg-slate-800';

/** "Task 1a2b3c4d": how a task whose title is not known yet is named. */
const shortName = (taskId: string) => `Task ${taskId.slice(0, 8)}`;

/**
 * A link to a task in a description or comment, as a chip: the task's title (or the link's own
 * words) that opens its page in the app, without reloading it. A task that is gone (deleted, or
 * not one the reader may see) is struck through and leads nowhere.
 */
export function TaskReferenceLink({ workspaceId, taskId, label }: TaskLinkProps) {
  const { task, gone } = useLinkedTask(workspaceId, taskId);
  if (gone) {
    return (
      <s className={`${chip} text-slate-600 dark:text-slate-300`} data-testid="task-reference-gone">
        {label ?? 'Task unavailable'}
        {label !== undefined && <span className="sr-only"> (task unavailable)</span>}
      </s>
    );
  }
  return (
    <Link
      to="/w/$workspaceId/t/$taskId"
      params={{ workspaceId, taskId }}
      title={task?.title}
      className={`${chip} text-indigo-700 hover:underline dark:text-indigo-300`}
      data-testid="task-reference"
    >
      {label ?? task?.title ?? shortName(taskId)}
    </Link>
  );
}
