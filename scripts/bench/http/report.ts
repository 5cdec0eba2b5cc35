/** The Results table and the Ratios of the load scenarios, and their notes. */
import type { LoadFigures } from '../lib/load.ts';
import { cell, int, loadCells, loadHeader, ms, pct, table, verdict } from '../lib/markdown.ts';
import type { Section } from '../lib/report.ts';
import type { Scenario } from './scenarios.ts';

export type Outcome = { scenario: Scenario; figures?: LoadFigures; error?: string };

/** The full stack must keep at least this share of the bare route's throughput. */
const TARGET_RATIO = 0.6;
/** The authenticated `GET /api/v1/me` must keep at least this share of `GET /api/v1/meta`'s. */
const ME_TARGET_RATIO = 0.7;
/** On PostgreSQL, list-20 must reach this share of the reference server's throughput… */
const LIST_TARGET_RATIO = 0.7;
/** …with a p99 latency under this, at the bench's connections. */
const LIST_TARGET_P99_MS = 50;
/** list-20 of tasks with comments and files (their counts read too) keeps this share of list-20's. */
const COUNTS_TARGET_RATIO = 0.9;

export function failed(outcome: Outcome): boolean {
  const f = outcome.figures;
  return outcome.error !== undefined || !f || f.non2xx > 0 || f.errors > 0;
}

function status(outcome: Outcome): string {
  if (outcome.error) return `failed: ${cell(outcome.error)}`;
  if (!failed(outcome)) return 'ok';
  const codes = Object.entries(outcome.figures?.statusCodes ?? {}).map(
    ([c, n]) => `${c}: ${int(n)}`,
  );
  return `failed (status codes ${codes.join(', ')})`;
}

function row(outcome: Outcome): string[] {
  const f = outcome.figures;
  const cells = f ? loadCells(f) : Array<string>(6).fill('n/a');
  return [outcome.scenario.name, ...cells, status(outcome)];
}

const header = ['Scenario', ...loadHeader, 'Status'];
const rightAligned = (i: number) => i > 0 && i < header.length - 1;

/** `a / b` of two scenarios' throughputs, when both were measured. */
function throughputRatio(outcomes: Outcome[], a: string, b: string): number | undefined {
  const rps = (id: string) =>
    outcomes.find((o) => o.scenario.id === id)?.figures?.requestsPerSecond;
  const [x, y] = [rps(a), rps(b)];
  return x !== undefined && y !== undefined && y > 0 ? x / y : undefined;
}

function ratios(outcomes: Outcome[]): string[] {
  const stack = throughputRatio(outcomes, 'meta', 'hello');
  const zod = throughputRatio(outcomes, 'rows-zod', 'rows-fast');
  const me = throughputRatio(outcomes, 'me', 'meta');
  const meVerdict = me === undefined ? 'not measured' : verdict(me >= ME_TARGET_RATIO);
  const signIn = outcomes.find((o) => o.scenario.id === 'sign-in')?.figures;
  const stackVerdict = stack === undefined ? 'not measured' : verdict(stack >= TARGET_RATIO);
  return [
    `- Full stack \`GET /api/v1/meta\` / bare hello: ${stack === undefined ? 'n/a' : pct(stack)}.` +
      ` Target "the full stack keeps at least ${TARGET_RATIO * 100} % of the bare route's throughput": ${stackVerdict}.`,
    `- zod serializer / fast serializer on \`GET /rows\`: ${zod === undefined ? 'n/a' : pct(zod)}` +
      (zod === undefined
        ? '.'
        : ` (the fast serializer serves ${(1 / zod).toFixed(2)}× the requests).`),
    `- Authenticated \`GET /api/v1/me\` / \`GET /api/v1/meta\`: ${me === undefined ? 'n/a' : pct(me)}.` +
      ` Target "the authenticated route keeps at least ${ME_TARGET_RATIO * 100} % of its throughput": ${meVerdict}.`,
    `- Sign-in: ${signIn ? `${int(signIn.requestsPerSecond)} argon2id hashes/s` : 'n/a'} (one verification per sign-in).`,
  ];
}

/** What counting comments and files costs list-20 in the app, on each database. */
function countsRatios(outcomes: Outcome[]): string {
  const ratios = (['pglite', 'postgres'] as const).map((db) =>
    throughputRatio(outcomes, `tasks-list-counts-${db}`, `tasks-list-${db}`),
  );
  const [pglite, postgres] = ratios.map((r) => (r === undefined ? 'n/a' : pct(r)));
  const measured = ratios.filter((r) => r !== undefined);
  const met =
    measured.length === 0
      ? 'not measured'
      : verdict(measured.every((r) => r >= COUNTS_TARGET_RATIO));
  return (
    `- list-20 with counts / list-20, the app: PGlite ${pglite}, PostgreSQL ${postgres}.` +
    ` Target "counting comments and files costs list-20 at most ${Math.round((1 - COUNTS_TARGET_RATIO) * 100)} % of its throughput": ${met}.`
  );
}

/** The app against the reference server, per task operation and database. */
function taskRatios(outcomes: Outcome[]): string[] {
  const lines: string[] = [];
  for (const [db, label] of [
    ['pglite', 'PGlite'],
    ['postgres', 'PostgreSQL'],
  ] as const) {
    const parts = ['list', 'list-counts', 'get', 'create'].map((op) => {
      const ratio = throughputRatio(outcomes, `tasks-${op}-${db}`, `ref-${op}-${db}`);
      return `${op} ${ratio === undefined ? 'n/a' : pct(ratio)}`;
    });
    lines.push(`- ${label}, the app / the reference server: ${parts.join(', ')}.`);
  }
  lines.push(countsRatios(outcomes));
  const list = outcomes.find((o) => o.scenario.id === 'tasks-list-postgres')?.figures;
  const ratio = throughputRatio(outcomes, 'tasks-list-postgres', 'ref-list-postgres');
  const met =
    list !== undefined &&
    ratio !== undefined &&
    ratio >= LIST_TARGET_RATIO &&
    list.p99Ms < LIST_TARGET_P99_MS;
  lines.push(
    `- Target "on PostgreSQL, list-20 reaches at least ${LIST_TARGET_RATIO * 100} % of the reference` +
      ` server's throughput with p99 under ${LIST_TARGET_P99_MS} ms":` +
      (list === undefined || ratio === undefined
        ? ' not measured.'
        : ` ${pct(ratio)}, p99 ${ms(list.p99Ms)} ms: ${verdict(met)}.`),
  );
  return lines;
}

/** The Results table and the Ratios, and the notes of each scenario and of the load runs. */
export function httpSection(outcomes: Outcome[]): Omit<Section, 'failures'> {
  return {
    markdown: [
      '## Results',
      '',
      ...table(header, outcomes.map(row), rightAligned),
      '',
      '## Ratios',
      '',
      ...ratios(outcomes),
      ...taskRatios(outcomes),
      '',
    ],
    notes: [
      ...outcomes.map(({ scenario }) => `- **${scenario.name}**: ${scenario.note}`),
      '- The full stack runs with `RATE_LIMIT_MAX=1000000` (the highest value the config accepts):' +
        ' the default limit of 300 requests per minute would turn the run into 429 responses.' +
        ' Any non-2xx response or socket error fails the scenario, and `npm run bench` exits 1.',
      "- Requests/s is the average of autocannon's per-second samples; its latencies have a" +
        ' resolution of 1 ms. Non-2xx and errors are summed over all rounds.',
      '- All servers are started first and stay up; the rounds interleave the scenarios (hello,' +
        ' rows, rows, meta, hello, …), so that a slow moment of this shared machine is spread over' +
        ' every scenario instead of skewing one ratio.',
      '- The reference servers replay, through the bare driver, the very statements the app issues:' +
        ' their throughput is the ceiling and their p99 the floor any server reaches with that SQL on' +
        ' this machine, where PostgreSQL, the server and the load generator share two cores.',
      '- Each server runs in its own child process; the load generator (autocannon, in the' +
        ' bench process) shares the same cores, so absolute numbers are lower than with a dedicated' +
        ' load generator machine. Compare ratios between runs rather than raw requests per second.',
    ],
  };
}
