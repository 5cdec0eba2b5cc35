import { Link } from '@tanstack/react-router';
import type { Member, Task, TaskListItem } from '../model/task-types.ts';
import { TaskIndicators } from './task-indicators.tsx';
import { TaskMeta } from './task-meta.tsx';

type CompleteCheckboxProps = { task: Task; onToggle: (task: Task) => void };

/** The checkbox that completes a task (and reopens it, as `todo`). */
export function CompleteCheckbox({ task, onToggle }: CompleteCheckboxProps) {
  return (
    <input
      type="checkbox"
      checked={task.status === 'done'}
      onChange={() => onToggle(task)}
      aria-label={`Complete “${task.title}”`}
      className="h-4 w-4 shrink-0 appearance-none rounded-full border-2 border-slate-500 checked:border-emerald-700 checked:bg-emerald-700 dark:border-slate-400 dark:checked:border-emerald-500 dark:checked:bg-emerald-500"
      data-testid="task-complete"
    />
  );
}

type TaskSummaryProps = { task: TaskListItem; members: ReadonlyMap<string, Member> };

/**
 * Title (a link to the task, so it can be opened in a new tab too) with what is behind it on the
 * same line (the title gives way), and the task's details.
 */
export function TaskSummary({ task, members }: TaskSummaryProps) {
  return (
    <div className="min-w-0 flex-1 space-y-1">
      <div className="flex items-center gap-2">
        <Link
          to="/w/$workspaceId/tasks/$taskId"
          params={{ workspaceId: task.workspaceId, taskId: task.id }}
          search={true}
          className={`block min-w-0 truncate text-sm font-medium hover:underline ${task.status === 'done' ? 'text-slate-500 line-through dark:text-slate-400' : ''}`}
          data-task-link=""
          data-testid="task-title"
        >
          {task.title}
        </Link>
        <TaskIndicators task={task} />
      </div>
      <TaskMeta task={task} members={members} />
    </div>
  );
}
