import type { ReactNode } from 'react';
import { humanMessage } from '../../../api/error-message.ts';
import { FormAlert } from '../../../components/form-alert.tsx';
import { useJob } from '../api/get-job.ts';
import type { Job } from '../model/admin-types.ts';
import { formatDateTime } from '../model/format.ts';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className="mt-0.5 break-words">{children}</dd>
    </div>
  );
}

const block =
  'mt-1 max-h-64 overflow-auto rounded bg-slate-100 p-3 font-mono text-xs whitespace-pre-wrap break-words dark:bg-slate-800';

/** A job's details, read afresh when opened: its payload, its last error and its request id. */
export function JobDetails({ id, job: listed }: { id: string; job: Job }) {
  const current = useJob(listed);
  const job = current.data ?? listed;
  return (
    <div
      id={id}
      className="mt-3 space-y-3 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700"
      aria-busy={current.isPlaceholderData}
      data-testid="job-details"
    >
      {current.isError && <FormAlert>{humanMessage(current.error)}</FormAlert>}
      <dl className="grid gap-3 sm:grid-cols-2">
        <Item label="Job id">
          <span className="font-mono text-xs">{job.id}</span>
        </Item>
        <Item label="Request id">
          <span className="font-mono text-xs" data-testid="job-request-id">
            {job.requestId ?? 'none (scheduled)'}
          </span>
        </Item>
        <Item label="Created">{formatDateTime(job.createdAt)}</Item>
        <Item label="Not before">{formatDateTime(job.startAfter)}</Item>
        <Item label="Started">{formatDateTime(job.startedAt)}</Item>
        <Item label="Finished">{formatDateTime(job.completedAt)}</Item>
      </dl>
      {job.error && (
        <div>
          <h4 className="text-xs font-semibold text-red-800 dark:text-red-300">Last error</h4>
          <pre className={block} data-testid="job-error">
            {job.error}
          </pre>
        </div>
      )}
      <div>
        <h4 className="text-xs font-semibold">Payload</h4>
        <pre className={block} data-testid="job-payload">
          {job.data === null ? 'none' : JSON.stringify(job.data, null, 2)}
        </pre>
      </div>
    </div>
  );
}
