/** The "Cold start to /ready" section of docs/benchmarks.md, and its notes. */
import { cell, table } from './markdown.ts';
import type { StartOutcome, StartRun, StartupOutcome } from './startup.ts';
import type { Phases } from './startup-phases.ts';

export const startOutcomeFailed = (o: StartOutcome) =>
  o.error !== undefined || !o.figures || o.figures.runs.length === 0;

export const startupFailed = (o: StartupOutcome) =>
  o.kinds.length === 0 || o.kinds.some(startOutcomeFailed);

const median = (values: number[]): number | undefined => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const seconds = (ms: number | undefined) => (ms === undefined ? 'n/a' : (ms / 1000).toFixed(2));
const millis = (ms: number | undefined) =>
  ms === undefined ? 'n/a' : Math.round(ms).toLocaleString('en-US');
const pick = (runs: StartRun[], mark: keyof StartRun) =>
  runs.map((r) => r[mark]).filter((ms): ms is number => ms !== undefined);

const startHeader = [
  'Start',
  'Runs',
  'Min (s)',
  'Median (s)',
  'Max (s)',
  'First log line (s)',
  '"TaskFlow is serving" (s)',
  'Status',
];

function startRow(o: StartOutcome): string[] {
  const runs = o.figures?.runs ?? [];
  const ready = pick(runs, 'ready');
  const cells = [
    String(runs.length),
    seconds(ready.length > 0 ? Math.min(...ready) : undefined),
    seconds(median(ready)),
    seconds(ready.length > 0 ? Math.max(...ready) : undefined),
    seconds(median(pick(runs, 'firstLog'))),
    seconds(median(pick(runs, 'serving'))),
  ];
  const status = o.error ? `failed: ${cell(o.error)}` : startOutcomeFailed(o) ? 'failed' : 'ok';
  return [o.kind.name, ...cells, status];
}

/** The phases in the order serve runs them, with their column titles. */
const phaseColumns: [keyof Phases, string][] = [
  ['boot', 'Node boot'],
  ['code', 'Loading the code'],
  ['config', 'Config'],
  ['database', 'Opening the database'],
  ['redis', 'Redis'],
  ['migrations', 'Migrations'],
  ['seed', 'Demo seed'],
  ['build', 'Building the app'],
  ['ready', 'Ready hooks'],
  ['listen', 'Listen'],
];

function phaseRow(o: StartOutcome): string[] {
  const phases = o.figures?.phases ?? [];
  const sum = (p: Phases) => phaseColumns.reduce((n, [key]) => n + p[key], 0);
  return [
    o.kind.name,
    ...phaseColumns.map(([key]) => millis(median(phases.map((p) => p[key])))),
    millis(median(phases.map(sum))),
  ];
}

export function startupSection(outcome: StartupOutcome | undefined): string[] {
  if (!outcome) return [];
  const phaseHeader = ['Start', ...phaseColumns.map(([, title]) => title), 'Sum'];
  return [
    '## Cold start to /ready',
    '',
    `\`node apps/api/src/cli/main.ts serve\` spawned by the bench, then \`GET /ready\` polled every 20 ms until it answered 200: seconds from the spawn, ${outcome.runs} runs of each kind, one start at a time with nothing else of the bench running. The first log line and the "TaskFlow is serving" line are medians of the moments they reached the bench (stdout, \`LOG_LEVEL=info\`).`,
    '',
    ...table(startHeader, outcome.kinds.map(startRow), (i) => i > 0 && i < startHeader.length - 1),
    '',
    'Where the time goes: milliseconds per step of `serve`, medians over as many runs of `scripts/bench/startup-phases.ts` (each right after a start above), which calls the same steps in the same order in one process and times each:',
    '',
    ...table(phaseHeader, outcome.kinds.map(phaseRow), (i) => i > 0),
    '',
  ];
}

export function startupNotes(outcome: StartupOutcome | undefined): string[] {
  if (!outcome) return [];
  return [
    ...outcome.kinds.map((o) => `- **Start: ${o.kind.name}**: ${o.kind.note}`),
    '- Cold start: every start runs as users start it (`LOG_LEVEL=info`,' +
      (outcome.webBuild
        ? ' the built web app of `apps/web/dist` served'
        : ' no build in `apps/web/dist`, so no web app served') +
      '), on 127.0.0.1; each is stopped (SIGTERM) before the next. A start that exits, or does not' +
      ' answer 200 within 120 s, fails the scenario.',
    '- Start steps (`startup-phases.ts`): *Node boot* is Node until the script runs; *Loading the' +
      ' code* imports the CLI (every module `serve` loads, TypeScript stripped on load); *Opening the' +
      ' database* starts PGlite on its directory (creating it on a first start) or makes the' +
      ' PostgreSQL pool; *Redis* waits for it to connect; *Migrations* is `migrateUp` (embedded' +
      ' only); *Demo seed* creates the demo workspace on an empty database, else finds it;' +
      ' *Building the app* registers every plugin and route (response serializers compiled);' +
      ' *Ready hooks* is `app.ready()` (the job system starting: its queues and schedules; the' +
      ' LISTEN connections; the first readiness reading); *Listen* binds the port. The sum is a' +
      ' separate run from the start timed above, without the `/ready` polling, so the two differ by' +
      " that run's noise.",
  ];
}
