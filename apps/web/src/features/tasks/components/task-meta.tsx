import { shortDate } from '../../../lib/short-date.ts';
import { type Member, priorityLabels, type Task } from '../model/task-types.ts';
import { LabelChips } from './label-chip.tsx';

const priorityColours: Record<Task['priority'], string> = {
  low: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200',
  medium: 'bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200',
  high: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  urgent: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200',
};

const badge = 'rounded-full px-2 py-0.5 text-xs font-medium';

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Priority, due date, assignee and labels of a task, in a line that wraps. */
export function TaskMeta({ task, members }: { task: Task; members: ReadonlyMap<string, Member> }) {
  const overdue = task.dueDate !== null && task.status !== 'done' && task.dueDate < today();
  const assignee = task.assigneeId ? members.get(task.assigneeId) : undefined;
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600 dark:text-slate-300">
      <span className={`${badge} ${priorityColours[task.priority]}`} data-testid="task-priority">
        <span className="sr-only">Priority: </span>
        {priorityLabels[task.priority]}
      </span>
      {task.dueDate && (
        <span className={overdue ? 'font-medium text-red-700 dark:text-red-400' : undefined}>
          <span className="sr-only">{overdue ? 'Overdue, was due' : 'Due'} </span>
          <time dateTime={task.dueDate} data-testid="task-due">
            {shortDate(task.dueDate)}
          </time>
        </span>
      )}
      {task.assigneeId && (
        <span data-testid="task-assignee">
          <span className="sr-only">Assigned to </span>
          {assignee?.name ?? 'a former member'}
        </span>
      )}
      <LabelChips workspaceId={task.workspaceId} labels={task.labels} />
    </div>
  );
}
