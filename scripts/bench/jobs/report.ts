/** The "Background jobs" section of docs/benchmarks.md, and its notes. */
import { cell, int, table, verdict } from '../lib/markdown.ts';
import type { Section } from '../lib/report.ts';

export type JobFigures = {
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  latencyJobs: number;
  throughputJobs: number;
  throughputSeconds: number;
  jobsPerSecond: number;
  workers: number;
};

type JobsOutcome = { figures?: JobFigures; error?: string };

/** The acceptance goal, on PostgreSQL: start latency with idle workers, and throughput. */
const JOBS_GOAL = { p50Ms: 10, jobsPerSecond: 1_000 };

export function jobsSection(outcome: JobsOutcome): Section {
  return { markdown: markdown(outcome), notes, failures: outcome.figures ? [] : ['jobs'] };
}

function markdown(outcome: JobsOutcome): string[] {
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
          'throughput, near no-op handler',
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
    `- Enqueue → start p50 ${f.latencyP50Ms} ms (goal under ${JOBS_GOAL.p50Ms} ms): ${verdict(f.latencyP50Ms < JOBS_GOAL.p50Ms)}.`,
    `- Throughput ${int(f.jobsPerSecond)} jobs/s with ${f.workers} workers (goal at least ${int(JOBS_GOAL.jobsPerSecond)}): ${verdict(f.jobsPerSecond >= JOBS_GOAL.jobsPerSecond)}.`,
    '',
  ];
}

const notes = [
  "- **Background jobs** (`scripts/bench/jobs/`, PostgreSQL): TaskFlow's job queue as `taskflow worker` runs it (pg-boss: batches of 20, NOTIFY wake-ups, 5 s backstop poll), two worker processes, and the cheapest job type the app defines, `maintenance.purge-idempotency-keys` (one delete that finds nothing: the CLI offers no no-op job type). Jobs are sent with pg-boss as the app sends them. Latency: 300 jobs sent one at a time 10 ms apart to idle workers, from `created_on` to `started_on` of pg-boss's job rows (the database's clock). Throughput: 10,000 jobs waiting, then both workers spawned; jobs per second from the spawn until the last job ran, worker start-up included.",
];
