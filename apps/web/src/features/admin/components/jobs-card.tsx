import { useState } from 'react';
import { SelectField, SelectOptions } from '../../../components/select-field.tsx';
import { useAdminStats } from '../api/get-admin-stats.ts';
import { useJobs } from '../api/get-jobs.ts';
import { JOB_STATES, type JobState, jobStateNames } from '../model/admin-types.ts';
import { AdminCard, CardList } from './admin-card.tsx';
import { JobRow } from './job-row.tsx';

const isJobState = (value: string): value is JobState =>
  (JOB_STATES as readonly string[]).includes(value);

/**
 * Jobs, newest first, filtered by state (unless the card is for one state) and by queue, a page
 * at a time. The queues to choose from are those the figures report jobs in.
 */
export function JobsCard({
  title,
  description,
  state: fixedState,
  testId,
}: {
  title: string;
  description: string;
  state?: JobState;
  testId: string;
}) {
  const [state, setState] = useState<JobState | undefined>(undefined);
  const [type, setType] = useState<string | undefined>(undefined);
  const types = useAdminStats().data?.jobs.byType.map((queue) => queue.type) ?? [];
  const jobs = useJobs({ state: fixedState ?? state, type });

  return (
    <AdminCard title={title} description={description} testId={testId}>
      <div className="flex flex-wrap gap-3">
        {fixedState === undefined && (
          <SelectField
            name="state"
            label="State"
            value={state ?? ''}
            onChange={(event) =>
              setState(isJobState(event.target.value) ? event.target.value : undefined)
            }
            className="min-w-40"
          >
            <option value="">Any state</option>
            <SelectOptions values={JOB_STATES} labels={jobStateNames} />
          </SelectField>
        )}
        <SelectField
          name="type"
          label="Queue"
          value={type ?? ''}
          onChange={(event) => setType(event.target.value || undefined)}
          className="min-w-56"
        >
          <option value="">Any queue</option>
          {/* The chosen queue stays listed even once the figures no longer report it. */}
          {[...new Set([...types, ...(type ? [type] : [])])].map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </SelectField>
      </div>
      <CardList
        query={jobs}
        loadingLabel="Loading the jobs…"
        empty="No jobs match."
        emptyTestId="jobs-empty"
        label={title}
        testId="job-list"
        loadMoreLabel="Load more jobs"
      >
        {(job) => <JobRow key={job.id} job={job} />}
      </CardList>
    </AdminCard>
  );
}
