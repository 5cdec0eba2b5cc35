/** The "Cold start to /ready" section of docs/benchmarks.md, and its notes. */
import { cell, median, table } from '../lib/markdown.ts';
import type { Section } from '../lib/report.ts';

/** One timed start, in milliseconds from the spawn. */
export type StartKind = {
  id: 'restart' | 'first' | 'cluster';
  name: string;
  note: string;
};

export type StartRun = {
  ready: number;
  firstLog?: number;
  serving?: number;
  /** Resident memory once the server has settled after its start, in MiB. */
  idleMib?: number;
};

export type StartFigures = { runs: StartRun[] };

export type StartOutcome = { kind: StartKind; figures?: StartFigures; error?: string };

type StartupOutcome = {
  runs: number;
  /** Whether apps/web/dist held a build (served by every start, as users run it). */
  webBuild: boolean;
  kinds: StartOutcome[];
};

const startOutcomeFailed = (o: StartOutcome) =>
  o.error !== undefined || !o.figures || o.figures.runs.length === 0;

const startupFailed = (o: StartupOutcome) =>
  o.kinds.length === 0 || o.kinds.some(startOutcomeFailed);

const seconds = (ms: number | undefined) => (ms === undefined ? 'n/a' : (ms / 1000).toFixed(2));
const mib = (value: number | undefined) => (value === undefined ? 'n/a' : value.toFixed(0));
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
  'Idle resident (MiB)',
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
    mib(median(pick(runs, 'idleMib'))),
  ];
  const status = o.error ? `failed: ${cell(o.error)}` : startOutcomeFailed(o) ? 'failed' : 'ok';
  return [o.kind.name, ...cells, status];
}

export function startupSection(outcome: StartupOutcome): Section {
  return {
    markdown: markdown(outcome),
    notes: notes(outcome),
    failures: startupFailed(outcome) ? ['startup'] : [],
  };
}

function markdown(outcome: StartupOutcome): string[] {
  return [
    '## Cold start to /ready',
    '',
    `\`taskflow serve\` (\`node apps/api/src/cli/main.ts serve\`) spawned by the bench, then \`GET /ready\` polled every 20 ms until it answered 200: seconds from the spawn, ${outcome.runs} runs of each kind, one start at a time with nothing else of the bench running. The first log line and the "TaskFlow is serving" line are medians of the moments they reached the bench (stdout, \`LOG_LEVEL=info\`). Idle resident memory is the median of the servers' VmRSS (/proc) once each, left alone after /ready, held within 1 MiB over four samples 500 ms apart. Goals (issue 18): embedded idle ≤ 200 MiB, embedded restart ≤ 1.5 s, cluster ≤ 1 s.`,
    '',
    ...table(startHeader, outcome.kinds.map(startRow), (i) => i > 0 && i < startHeader.length - 1),
    '',
  ];
}

function notes(outcome: StartupOutcome): string[] {
  return [
    ...outcome.kinds.map((o) => `- **Start: ${o.kind.name}**: ${o.kind.note}`),
    '- Cold start: every start runs as users start it (`LOG_LEVEL=info`,' +
      (outcome.webBuild
        ? ' the built web app of `apps/web/dist` served'
        : ' no build in `apps/web/dist`, so no web app served') +
      '), on 127.0.0.1; each is stopped (SIGTERM) before the next. A start that exits, or does not' +
      ' answer 200 within 120 s, fails the scenario.',
  ];
}
