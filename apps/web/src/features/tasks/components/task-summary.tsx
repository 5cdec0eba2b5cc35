import { Link } from '@tanstack/react-router';
import type { Member, Task, TaskListItem } from '../model/task-types.ts';
import { StatusIcon } from './status-icon.tsx';
import { TaskIndicators } from './task-indicators.tsx';
import { TaskMeta } from './task-meta.tsx';

type CompleteCheckboxProps = { task: Task; onToggle: (task: Task) => void };

/**
 * The checkbox that completes a task (and reopens it, as `todo`), drawn as the task's status
 * icon: the invisible checkbox lies over it, so a click or Space on it toggles, and the icon
 * (named "Status: …") tells to-do from in-progress, which the checked state alone cannot.
 */
export function CompleteCheckbox({ task, onToggle }: CompleteCheckboxProps) {
  return (
    <span className="relative inline-flex h-5 w-5 shrink-0 items-center justify-center">
      <input
        type="checkbox"
        name="done"
        checked={task.status === 'done'}
        onChange={() => onToggle(task)}
        aria-label={`Complete “${task.title}”`}
        className="peer absolute inset-0 m-0 cursor-pointer opacity-0"
        data-testid="task-complete"
      />
      <span className="pointer-events-none rounded-full peer-focus-visible:ring-2 peer-focus-visible:ring-indigo-500 peer-focus-visible:ring-offset-2">
        <StatusIcon status={task.status} className="h-4 w-4" />
      </span>
    </span>
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
          // A card is dragged whole: the browser's own dragging of the link would take over.
          draggable={false}
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
