/** The "Background jobs" section of docs/benchmarks.md, and its notes. */
import type { JobFigures } from './jobs.ts';
import { cell, int, table } from './markdown.ts';

export type JobsOutcome = { figures?: JobFigures; error?: string };

/** The acceptance goal, on PostgreSQL: start latency with idle workers, and throughput. */
export const JOBS_GOAL = { p50Ms: 10, jobsPerSecond: 1_000 };

export const jobsFailed = (o: JobsOutcome) => o.error !== undefined || !o.figures;

const met = (ok: boolean) => (ok ? '**met**' : '**not met**');

export function jobsSection(outcome: JobsOutcome | undefined): string[] {
  if (!outcome) return [];
  const f = outcome.figures;
  if (!f) return ['## Background jobs', '', `Failed: ${cell(outcome.error ?? 'no figures')}`, ''];
  return [
    '## Background jobs',
    '',
    ...table(
      ['Measure', 'Jobs', 'Workers', 'p50 (ms)', 'p99 (ms)', 'Max (ms)', 'Seconds', 'Jobs/s'],
      [
        [
          'enqueue → start, idle workers',
          int(f.latencyJobs),
          String(f.workers),
          String(f.latencyP50Ms),
          String(f.latencyP99Ms),
          String(f.latencyMaxMs),
          '',
          '',
        ],
        [
          'throughput, no-op handler',
          int(f.throughputJobs),
          String(f.workers),
          '',
          '',
          '',
          f.throughputSeconds.toFixed(2),
          int(f.jobsPerSecond),
        ],
      ],
      (column) => column > 0,
    ),
    '',
    `- Enqueue → start p50 ${f.latencyP50Ms} ms (goal under ${JOBS_GOAL.p50Ms} ms): ${met(f.latencyP50Ms < JOBS_GOAL.p50Ms)}.`,
    `- Throughput ${int(f.jobsPerSecond)} jobs/s with ${f.workers} workers (goal at least ${int(JOBS_GOAL.jobsPerSecond)}): ${met(f.jobsPerSecond >= JOBS_GOAL.jobsPerSecond)}.`,
    '',
  ];
}

export const jobsNotes = (outcome: JobsOutcome | undefined): string[] =>
  outcome
    ? [
        '- **Background jobs** (`scripts/bench/jobs.ts`, PostgreSQL): TaskFlow’s job queue (pg-boss, as `taskflow worker` runs it: batches of 20, NOTIFY wake-ups, 5 s backstop poll) with a no-op job type in two worker processes (`jobs-worker.ts`). Latency: 300 jobs sent one at a time 10 ms apart to idle workers, from just before the send to the start of the handler (same machine clock). Throughput: 10,000 jobs waiting, then both workers started; jobs per second from the start signal until the last job ran, worker start-up included.',
      ]
    : [];
