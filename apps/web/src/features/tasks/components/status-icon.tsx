import type { ReactNode } from 'react';
import { statusLabels, type TaskStatus } from '../model/task-types.ts';

const shapes: Record<TaskStatus, ReactNode> = {
  // An empty ring: nothing done yet.
  todo: <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="2" />,
  // A ring half filled: under way.
  in_progress: (
    <>
      <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M8 2a6 6 0 0 1 0 12z" fill="currentColor" />
    </>
  ),
  // A filled disc with a tick.
  done: (
    <>
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path
        d="M4.75 8.25l2.25 2.25 4.25-4.5"
        fill="none"
        stroke="white"
        strokeWidth="1.75"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </>
  ),
};

const colours: Record<TaskStatus, string> = {
  todo: 'text-slate-500 dark:text-slate-400',
  in_progress: 'text-amber-600 dark:text-amber-400',
  done: 'text-emerald-700 dark:text-emerald-500',
};

/**
 * A status told by shape (ring, half-filled ring, ticked disc), not only by colour, and named
 * for assistive technology ("Status: In progress"); `decorative` when a text beside it says so.
 */
export function StatusIcon({
  status,
  decorative = false,
  className = 'h-4 w-4',
}: {
  status: TaskStatus;
  decorative?: boolean;
  className?: string;
}) {
  const shared = {
    viewBox: '0 0 16 16',
    className: `shrink-0 ${colours[status]} ${className}`,
    'data-testid': 'status-icon',
    'data-status': status,
  };
  if (decorative) {
    return (
      <svg {...shared} aria-hidden="true">
        {shapes[status]}
      </svg>
    );
  }
  return (
    <svg {...shared} role="img" aria-label={`Status: ${statusLabels[status]}`}>
      {shapes[status]}
    </svg>
  );
}
