import type { MyWorkTask } from '../model/work-types.ts';
import { statusNames } from '../model/work-types.ts';

/** A task's status at a glance: an empty, half-filled or checked circle, named for screen readers. */
export function StatusIcon({ status }: { status: MyWorkTask['status'] }) {
  return (
    <svg
      viewBox="0 0 16 16"
      className="h-4 w-4 shrink-0 text-slate-600 dark:text-slate-300"
      role="img"
      aria-label={statusNames[status]}
    >
      <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      {status === 'in_progress' && <path d="M8 3.5a4.5 4.5 0 0 1 0 9z" fill="currentColor" />}
      {status === 'done' && (
        <path d="M5 8.2l2 2 4-4.2" fill="none" stroke="currentColor" strokeWidth="1.5" />
      )}
    </svg>
  );
}
