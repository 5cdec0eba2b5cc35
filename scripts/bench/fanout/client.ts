/**
 * Child-process entry of the fan-out scenarios: `node scripts/bench/fanout/client.ts <config>`,
 * the config as JSON. Against a running server: opens the streams, reads the server's memory
 * from /proc, then for each step (most subscribers first, fewer after) makes writes and times
 * every delivery to every subscriber. Writes its figures as JSON to `resultPath`; exits 1 on any
 * failure (a refused stream, a stream lost, a delivery missing), with `error` in the result.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createFleet, createPublisher, type Fleet } from './fleet.ts';
import { type LatencySummary, perConnectionKb, summarize, vmRssKb } from './stats.ts';

export type ClientConfig = {
  base: string;
  /** The server process, whose resident memory is read. */
  serverPid: number;
  workspaceId: string;
  /** Streams are spread evenly over these users' tokens. */
  subscriberTokens: string[];
  publisherToken: string;
  /** Subscribers and measured writes of each step; the first step has the most subscribers. */
  steps: { subscribers: number; writes: number }[];
  /** Writes made at the start of each step, not measured. */
  warmupWrites: number;
  /** From the start of one write to the start of the next, at least (one at a time). */
  spacingMs: number;
  resultPath: string;
};

export type StepFigures = LatencySummary & {
  subscribers: number;
  writes: number;
  /** Deliveries expected (subscribers × writes) and made. */
  expected: number;
  delivered: number;
};

export type ClientResult = {
  /** Seconds to open the first step's streams, each until its `ready`. */
  openSeconds: number;
  /** The server's resident memory, warm with no stream open, and with every stream idle. */
  rssIdleKb: number;
  rssStreamsKb: number;
  perConnectionKb: number;
  steps: StepFigures[];
  error?: string;
};

const WARM_STREAMS = 20;
const SETTLE_MS = 1_500;
const DELIVERY_TIMEOUT_MS = 15_000;
const RUN_TIMEOUT_MS = 150_000;

const config = JSON.parse(process.argv[2] ?? '{}') as ClientConfig;
const result: Partial<ClientResult> = { steps: [] };

function finish(error?: string): never {
  writeFileSync(config.resultPath, JSON.stringify({ ...result, ...(error ? { error } : {}) }));
  process.exit(error ? 1 : 0);
}

const serverRssKb = () => vmRssKb(readFileSync(`/proc/${config.serverPid}/status`, 'utf8'));
const createTask = createPublisher(config.base, config.workspaceId, config.publisherToken);

/**
 * Writes `count` tasks from number `first` on, each once every stream of `fleet` has received
 * the one before and `spacingMs` after its start: one write in flight, so the latencies are
 * those of one event, not of a queue. The send times, in order.
 */
async function publish(fleet: Fleet, first: number, count: number): Promise<number[]> {
  const sent: number[] = [];
  for (let k = first; k < first + count; k++) {
    const previous = sent.at(-1);
    if (previous !== undefined) {
      await sleep(Math.max(0, previous + config.spacingMs - performance.now()));
    }
    const expected = fleet.delivered + fleet.size;
    sent.push(await createTask(fleet.title(k)));
    if (!(await fleet.deliveredAll(expected, DELIVERY_TIMEOUT_MS))) {
      finish(`${expected - fleet.delivered} of ${fleet.size} deliveries of a write missing`);
    }
  }
  return sent;
}

/** The server has opened streams, created tasks and delivered them once, then rests. */
async function warmUp() {
  const warm = createFleet({ base: config.base, capacity: WARM_STREAMS, writes: 2, fail: finish });
  await warm.openUpTo(WARM_STREAMS, () => config.publisherToken);
  await publish(warm, 0, 2);
  warm.closeFrom(0);
  await sleep(SETTLE_MS);
}

/** One step: its warm-up writes, then its measured writes, each to every open stream. */
async function step(fleet: Fleet, first: number, writes: number): Promise<StepFigures> {
  const subscribers = fleet.size;
  const sent = await publish(fleet, first, config.warmupWrites + writes);
  const measured = sent
    .slice(config.warmupWrites)
    .flatMap((at, i) => fleet.latencies(first + config.warmupWrites + i, at, subscribers));
  return {
    subscribers,
    writes,
    expected: subscribers * writes,
    delivered: measured.length,
    ...summarize(measured),
  };
}

async function main() {
  setTimeout(() => finish(`the run took over ${RUN_TIMEOUT_MS / 1000} s`), RUN_TIMEOUT_MS);
  await warmUp();
  result.rssIdleKb = serverRssKb();

  const most = Math.max(...config.steps.map((s) => s.subscribers));
  const writes = config.steps.reduce((n, s) => n + config.warmupWrites + s.writes, 0);
  const fleet = createFleet({ base: config.base, capacity: most, writes, fail: finish });
  const tokens = config.subscriberTokens;
  const opening = performance.now();
  await fleet.openUpTo(most, (i) => tokens[i % tokens.length] ?? '');
  result.openSeconds = (performance.now() - opening) / 1000;
  await sleep(SETTLE_MS);
  result.rssStreamsKb = serverRssKb();
  result.perConnectionKb = perConnectionKb(result.rssIdleKb, result.rssStreamsKb, most);

  let first = 0;
  for (const { subscribers, writes: measured } of config.steps) {
    if (subscribers < fleet.size) {
      fleet.closeFrom(subscribers);
      await sleep(SETTLE_MS);
    }
    result.steps?.push(await step(fleet, first, measured));
    first += config.warmupWrites + measured;
  }
  finish();
}

if (import.meta.main) {
  main().catch((error: unknown) => finish(error instanceof Error ? error.message : String(error)));
}
