import type { ReactNode } from 'react';
import type { TaskListItem } from '../model/task-types.ts';

/** Outline icons drawn in the text's colour, as small as the text beside them. */
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="h-3.5 w-3.5 shrink-0"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}

const icons = {
  description: <path d="M4 6h16M4 12h16M4 18h10" />,
  comments: <path d="M4 5h16v11H10l-5 4v-4H4z" />,
  attachments: (
    <path d="M20 11.5l-8.2 8.2a5 5 0 0 1-7.1-7.1l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7l-8.5 8.5a1.7 1.7 0 0 1-2.4-2.4l7.8-7.8" />
  ),
};

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** One indicator: its icon and number, named as a whole for screen readers and as a tooltip. */
function Indicator({ label, icon, count }: { label: string; icon: ReactNode; count?: number }) {
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      className="inline-flex items-center gap-0.5"
      data-testid="task-indicator"
    >
      <Icon>{icon}</Icon>
      {count !== undefined && <span aria-hidden="true">{count}</span>}
    </span>
  );
}

/**
 * What is behind a card: a description, comments, files; nothing for what is not there. One short
 * line of icons beside the title, so that a card on a phone is no taller for them.
 */
export function TaskIndicators({ task }: { task: TaskListItem }) {
  const { comments, attachments } = task.counts;
  const described = task.description.trim() !== '';
  if (!described && comments === 0 && attachments === 0) return null;
  return (
    <span className="ml-auto flex shrink-0 items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
      {described && <Indicator label="Has a description" icon={icons.description} />}
      {comments > 0 && (
        <Indicator label={plural(comments, 'comment')} icon={icons.comments} count={comments} />
      )}
      {attachments > 0 && (
        <Indicator
          label={plural(attachments, 'attachment')}
          icon={icons.attachments}
          count={attachments}
        />
      )}
    </span>
  );
}
