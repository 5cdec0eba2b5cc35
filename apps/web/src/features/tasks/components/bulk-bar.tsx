import { useState } from 'react';
import { Button } from '../../../components/button.tsx';
import { statusLabels, TASK_STATUSES, type TaskStatus } from '../model/task-types.ts';

/** Shown while tasks are ticked in the list: one status for all of them at once. */
export function BulkBar({
  count,
  onApply,
  onClear,
}: {
  count: number;
  onApply: (status: TaskStatus) => void;
  onClear: () => void;
}) {
  const [status, setStatus] = useState<TaskStatus>('done');
  return (
    <section
      aria-label="Selected tasks"
      className="flex flex-wrap items-center gap-3 rounded-lg border border-indigo-300 bg-indigo-50 px-3 py-2 text-sm dark:border-indigo-800 dark:bg-indigo-950"
      data-testid="bulk-bar"
    >
      <p aria-live="polite" className="font-medium">
        {count === 1 ? '1 task selected' : `${count} tasks selected`}
      </p>
      <label className="flex items-center gap-2">
        <span>Set status to</span>
        <select
          value={status}
          onChange={(event) => setStatus(event.target.value as TaskStatus)}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
        >
          {TASK_STATUSES.map((value) => (
            <option key={value} value={value}>
              {statusLabels[value]}
            </option>
          ))}
        </select>
      </label>
      <Button size="sm" onClick={() => onApply(status)}>
        Apply to selected
      </Button>
      <Button size="sm" variant="secondary" onClick={onClear}>
        Clear selection
      </Button>
    </section>
  );
}
