/** The "Live updates fan-out" section of docs/benchmarks.md, and its notes. */
import { cell, int, table, verdict } from '../lib/markdown.ts';
import type { Section } from '../lib/report.ts';
import type { ClientResult, StepFigures } from './client.ts';

export type FanoutScenario = {
  id: string;
  name: string;
  /** The app on a database, or the bare reference server. */
  server: 'pglite' | 'postgres' | 'reference';
  readyTimeoutMs: number;
};

export type FanoutOutcome = { scenario: FanoutScenario; figures?: ClientResult; error?: string };

/** The acceptance goal: subscribers in one process, p99 publish → receive, memory per stream. */
export const FANOUT_GOAL = { subscribers: 10_000, p99Ms: 100, perConnectionKib: 30 };

const fanoutFailed = (o: FanoutOutcome) =>
  o.error !== undefined ||
  !o.figures ||
  o.figures.steps.length === 0 ||
  o.figures.steps.some((s) => s.delivered < s.expected);

const mib = (kib: number) => (kib / 1024).toFixed(1);
const atMost = (o: FanoutOutcome) => o.figures?.steps[0];

function status(o: FanoutOutcome): string {
  if (o.error) return `failed: ${cell(o.error)}`;
  return fanoutFailed(o) ? 'failed: deliveries missing' : 'ok';
}

const header = [
  'Server',
  'Subscribers',
  'Deliveries',
  'p50 (ms)',
  'p99 (ms)',
  'Max (ms)',
  'Opened in (s)',
  'RSS idle (MiB)',
  'RSS with streams (MiB)',
  'Per connection (KiB)',
  'Status',
];

function row(o: FanoutOutcome): string[] {
  const f = o.figures;
  const most = atMost(o);
  const cells =
    f && most
      ? [
          int(most.subscribers),
          `${int(most.delivered)} / ${int(most.expected)}`,
          int(most.p50Ms),
          int(most.p99Ms),
          int(most.maxMs),
          f.openSeconds.toFixed(1),
          mib(f.rssIdleKb),
          mib(f.rssStreamsKb),
          f.perConnectionKb.toFixed(1),
        ]
      : Array<string>(header.length - 2).fill('n/a');
  return [o.scenario.name, ...cells, status(o)];
}

/** p50 / p99 per step: where the latency goal holds. */
function stepsTable(outcomes: FanoutOutcome[]): string[] {
  const counts = [
    ...new Set(outcomes.flatMap((o) => o.figures?.steps.map((s) => s.subscribers) ?? [])),
  ];
  const at = (o: FanoutOutcome, n: number) => {
    const s = o.figures?.steps.find((x) => x.subscribers === n);
    return s ? `${int(s.p50Ms)} / ${int(s.p99Ms)}` : 'n/a';
  };
  const head = ['Server', ...counts.map((n) => `${int(n)} subscribers`)];
  return table(
    head,
    outcomes.map((o) => [o.scenario.name, ...counts.map((n) => at(o, n))]),
    (i) => i > 0,
  );
}

/** The most subscribers at which p99 stayed under the goal. */
const heldUpTo = (steps: StepFigures[]) =>
  Math.max(0, ...steps.filter((s) => s.p99Ms < FANOUT_GOAL.p99Ms).map((s) => s.subscribers));

function goals(o: FanoutOutcome): string {
  const most = atMost(o);
  const f = o.figures;
  if (!f || !most || fanoutFailed(o)) return `- ${o.scenario.name}: not measured.`;
  const p99Met = most.subscribers >= FANOUT_GOAL.subscribers && most.p99Ms < FANOUT_GOAL.p99Ms;
  const memoryMet = f.perConnectionKb <= FANOUT_GOAL.perConnectionKib;
  const held = heldUpTo(f.steps);
  const memory =
    o.scenario.server === 'reference'
      ? ''
      : `; ${f.perConnectionKb.toFixed(1)} KiB per connection: ${verdict(memoryMet)}`;
  return (
    `- ${o.scenario.name}: p99 ${int(most.p99Ms)} ms at ${int(most.subscribers)} subscribers: ` +
    `${verdict(p99Met)}${memory}. The most subscribers with p99 under ${FANOUT_GOAL.p99Ms} ms: ` +
    `${held > 0 ? int(held) : 'none of the steps'}.`
  );
}

export function fanoutSection(outcomes: FanoutOutcome[]): Section {
  return {
    markdown: markdown(outcomes),
    notes,
    failures: outcomes.filter(fanoutFailed).map((o) => o.scenario.id),
  };
}

function markdown(outcomes: FanoutOutcome[]): string[] {
  return [
    '## Live updates fan-out',
    '',
    ...table(header, outcomes.map(row), (i) => i > 0 && i < header.length - 1),
    '',
    'p50 / p99 (ms) with fewer subscribers (streams closed down to each count, same server):',
    '',
    ...stepsTable(outcomes),
    '',
    `Goals "p99 under ${FANOUT_GOAL.p99Ms} ms at ${int(FANOUT_GOAL.subscribers)} subscribers" and` +
      ` "at most ${FANOUT_GOAL.perConnectionKib} KB per connection" (KiB here, the stricter unit):`,
    '',
    ...outcomes.map(goals),
    '',
  ];
}

const notes = [
  '- **Live updates fan-out**: one server process (the app as users start it, on a fresh' +
    ' database; `SSE_MAX_STREAMS_PER_USER=1000`, the highest the config accepts) holds' +
    ` ${int(FANOUT_GOAL.subscribers)} \`GET /api/v1/events\` streams of 20 signed-in members of one` +
    ' workspace (500 each), opened by a client in a second process (node:http, 200 opening at once,' +
    ' each until its `ready`). A third member then creates tasks through' +
    ' `POST /api/v1/workspaces/{id}/tasks`, one at a time: each once the previous one has reached' +
    ' every stream, at least 250 ms after it; 2 warm-up writes, then the measured ones. A latency' +
    " runs from just before the request is sent to the arrival of the chunk holding that task's" +
    ' title at one subscriber; p50/p99/max are over every (subscriber, write) pair, and a single' +
    ' missing delivery fails the scenario. The client runs on the same two cores and reads its' +
    ' 10,000 sockets one after another, so its own reading is part of each latency; the' +
    " server's 15-second heartbeats to every stream run as in production.",
  "- Fan-out memory: the server's resident memory (`VmRSS` of `/proc/<pid>/status`) once warm" +
    ' (20 streams opened, 2 tasks delivered, closed) with no stream open, and again with every' +
    ' stream open and idle for 1.5 s; per connection is the difference over the streams. It' +
    ' includes garbage not yet collected, so it is an upper bound.',
  '- The fan-out reference (`scripts/bench/fanout/reference.ts`) is bare node:http with no' +
    ' database and no auth: it writes a frame of the same size to every open stream with' +
    ' `res.write`, as the app does. On loopback each write is a system call in which the kernel' +
    ' also does the receiving side of TCP, so its latencies are the floor for one Node process' +
    ' writing to these streams on this machine.',
];
