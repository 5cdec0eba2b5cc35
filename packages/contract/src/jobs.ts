import { z } from 'zod';
import { explainedEnum } from './named.ts';
import { cursorParam, limitParam, pageOf } from './pagination.ts';

export const JOB_STATES = [
  'created',
  'retry',
  'active',
  'completed',
  'cancelled',
  'failed',
] as const;
export const JobState = explainedEnum('JobState', JOB_STATES, {
  created: 'waiting',
  retry: 'waiting after a failed attempt',
  active: 'running',
  failed: 'after its last attempt (a copy then waits in the dead-letter queue)',
});
export type JobState = z.infer<typeof JobState>;

/** The job types TaskFlow runs; `…__dead` queues hold the jobs that failed every attempt. */
export const JOB_TYPES = [
  'mail.send',
  'tasks.export',
  'tasks.due-reminders',
  'maintenance.purge-sessions',
  'maintenance.prune-events',
  'maintenance.purge-jobs',
  'maintenance.purge-exports',
] as const;

const Count = z.int().min(0).max(2_147_483_647);
const JobType = z
  .string()
  .max(100)
  .regex(/^[a-z0-9._-]+$/);

export const Job = z
  .object({
    id: z.uuid(),
    type: JobType.describe('The queue: a job type, or `<type>__dead` for its dead letters'),
    state: JobState,
    attempts: Count.describe('Attempts made so far'),
    maxAttempts: Count,
    data: z
      .record(z.string().max(100), z.unknown())
      .nullable()
      .describe('The payload, as enqueued'),
    error: z.string().max(2000).nullable().describe('The last failure, when it failed'),
    requestId: z.string().max(200).nullable().describe('The request that enqueued it'),
    createdAt: z.iso.datetime(),
    startAfter: z.iso.datetime(),
    startedAt: z.iso.datetime().nullable(),
    completedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Job' });
export type Job = z.infer<typeof Job>;

export const JOB_PAGE_MAX = 100;

export const ListJobsQuery = z
  .object({
    state: JobState.optional(),
    type: JobType.optional(),
    limit: limitParam(JOB_PAGE_MAX, 50),
    cursor: cursorParam(),
  })
  .strict();
export type ListJobsQuery = z.input<typeof ListJobsQuery>;

export const JobList = pageOf(Job, JOB_PAGE_MAX).meta({ id: 'JobList' });
export type JobList = z.infer<typeof JobList>;

const StateCounts = z.object(
  Object.fromEntries(JOB_STATES.map((s) => [s, Count])) as Record<JobState, typeof Count>,
);

export const JobStats = z
  .object({
    byState: StateCounts,
    byType: z
      .array(z.object({ type: JobType, byState: StateCounts }))
      .max(100)
      .describe('Every queue with jobs, by name'),
    createdToday: Count,
    completedToday: Count,
    failedToday: Count,
  })
  .meta({ id: 'JobStats' });
export type JobStats = z.infer<typeof JobStats>;

export const JobParams = z.object({ id: z.uuid() });
