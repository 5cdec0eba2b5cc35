import { useId, useRef, useState } from 'react';
import { Button } from '../../../components/button.tsx';
import { useCancelJob } from '../api/cancel-job.ts';
import { useRetryJob } from '../api/retry-job.ts';
import type { Job } from '../model/admin-types.ts';
import { formatDateTime } from '../model/format.ts';
import { type JobAction, jobActions } from '../model/job-actions.ts';
import { JobDetails } from './job-details.tsx';
import { JobStateBadge } from './job-state-badge.tsx';

/** The button of each action a job may offer. */
const actionButtons: Record<JobAction, { label: string; variant: 'primary' | 'danger' }> = {
  retry: { label: 'Retry', variant: 'primary' },
  cancel: { label: 'Cancel', variant: 'danger' },
};

/**
 * One job: its queue, state and attempts; its details on demand; Retry or Cancel when the API
 * allows them. An action changes the state at once, which may take its own button away: focus
 * then goes to the row's Details button rather than to the page.
 */
export function JobRow({ job }: { job: Job }) {
  const retry = useRetryJob();
  const cancel = useCancelJob();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const detailsButton = useRef<HTMLButtonElement>(null);
  const mutations = { retry, cancel };
  const busy = retry.isPending || cancel.isPending;

  const act = (mutation: typeof retry) => {
    mutation.mutate(job.id);
    detailsButton.current?.focus();
  };

  return (
    <li className="py-3" data-testid="job-row" data-job-id={job.id} data-state={job.state}>
      <div className="flex flex-wrap items-center gap-3">
        <div className="min-w-0 flex-1">
          <p className="truncate font-mono text-sm" data-testid="job-type">
            {job.type}
          </p>
          <p className="text-xs text-slate-600 dark:text-slate-300">
            {formatDateTime(job.createdAt)} · attempt {job.attempts} of {job.maxAttempts}
          </p>
        </div>
        <JobStateBadge state={job.state} />
        <Button
          ref={detailsButton}
          variant="secondary"
          size="sm"
          aria-label={`Details of the ${job.type} job`}
          aria-expanded={open}
          aria-controls={open ? detailsId : undefined}
          onClick={() => setOpen((was) => !was)}
        >
          Details
        </Button>
        {jobActions(job.state).map((action) => (
          <Button
            key={action}
            variant={actionButtons[action].variant}
            size="sm"
            aria-label={`${actionButtons[action].label} the ${job.type} job`}
            disabled={busy}
            onClick={() => act(mutations[action])}
          >
            {actionButtons[action].label}
          </Button>
        ))}
        {busy && (
          <span role="status" className="text-xs text-slate-600 dark:text-slate-300">
            Saving…
          </span>
        )}
      </div>
      {open && <JobDetails id={detailsId} job={job} />}
    </li>
  );
}
