import { type JobState, jobStateNames } from '../model/admin-types.ts';

const colours: Record<JobState, string> = {
  created: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
  retry: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
  active: 'bg-indigo-100 text-indigo-900 dark:bg-indigo-900 dark:text-indigo-100',
  completed: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100',
  cancelled: 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100',
  failed: 'bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100',
};

export function JobStateBadge({ state }: { state: JobState }) {
  return (
    <span
      className={`rounded-full px-2 py-0.5 text-xs font-medium ${colours[state]}`}
      data-testid="job-state"
    >
      {jobStateNames[state]}
    </span>
  );
}
