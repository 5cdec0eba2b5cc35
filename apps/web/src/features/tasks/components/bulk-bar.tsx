import { useState } from 'react';
import { Button } from '../../../components/button.tsx';
import { SelectOptions } from '../../../components/select-field.tsx';
import { statusLabels, TASK_STATUSES, type TaskStatus } from '../model/task-types.ts';

/** Shown while tasks are ticked in the list: one status for all of them at once. */
type BulkBarProps = { count: number; onApply: (status: TaskStatus) => void; onClear: () => void };

export function BulkBar({ count, onApply, onClear }: BulkBarProps) {
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
          name="status"
          value={status}
          onChange={(event) => setStatus(event.target.value as TaskStatus)}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
        >
          <SelectOptions values={TASK_STATUSES} labels={statusLabels} />
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
