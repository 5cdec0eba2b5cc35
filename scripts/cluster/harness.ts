/**
 * What every chaos scenario of `npm run test:cluster` is made of: its context (the cluster, the
 * signed-in clients, the run's Redis), the outcome it reports (the figures it measured, the
 * expectations that failed), the load it may run under, and the probes it reads instances with.
 * Every wait is for a state (writes acknowledged, an answer, a process exited), bounded.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { LoadClient } from './accounts.ts';
import {
  connectionErrors,
  type LoadReport,
  type LoadRun,
  serverErrors,
  startLoad,
} from './load.ts';
import { logHas } from './processes.ts';
import { askReady } from './ready-probe.ts';
import type { RedisServer } from './redis.ts';
import type { Cluster, Instance } from './topology.ts';
import { type Verdict, verifyWrites } from './verify.ts';

export type ScenarioContext = {
  cluster: Cluster;
  clients: LoadClient[];
  /** The run's own redis-server, which the instances use. */
  redis: RedisServer;
  /** Prefix of the run's Redis keys (REDIS_KEY_PREFIX of every instance). */
  redisPrefix: string;
  /** Unique to this test run: starts every phase name, hence every title. */
  runId: string;
  log: (line: string) => void;
};

export type Outcome = {
  /** The clients' load, for the scenarios that run under it. */
  report?: LoadReport;
  verdict?: Verdict;
  /** What the scenario measured, one line each, to quote. */
  figures: string[];
  failures: string[];
};

export type Scenario = {
  name: string;
  description: string;
  run(context: ScenarioContext): Promise<Outcome>;
};

/** Writes acknowledged before a fault, and again after each step, to show writes flow. */
const WRITES_BETWEEN_STEPS = 150;

/** What a fault sees: the running load, the outcome to fill, and a log of its steps. */
type Fault = {
  load: LoadRun;
  failures: string[];
  figures: string[];
  /** Logs a step with its time in the load run (the clock of the report's incidents). */
  step: (what: string) => void;
};

/** Milliseconds as the figures print them. */
export const ms = (value: number) => `${Math.round(value)} ms`;
export const secondsOf = (value: number) => `${(value / 1000).toFixed(1)} s`;

/**
 * Runs `fault` under the clients' load: writes flowing first, the fault, writes flowing again,
 * then the load stops and PostgreSQL is read. Lost and duplicated writes always fail.
 */
export async function underLoad(
  context: ScenarioContext,
  name: string,
  fault: (run: Fault) => Promise<void>,
): Promise<Outcome> {
  const phase = `${context.runId}-${name}`;
  const started = Date.now();
  const load = startLoad(context.clients, { baseUrl: context.cluster.lbUrl, phase });
  const failures: string[] = [];
  const figures: string[] = [];
  const step = (what: string) =>
    context.log(`  +${((Date.now() - started) / 1000).toFixed(2)} s ${what}`);
  try {
    await load.waitForWrites(WRITES_BETWEEN_STEPS);
    await fault({ load, failures, figures, step });
    await flowing(load);
  } catch (error) {
    failures.push((error as Error).message);
  }
  const report = await load.stop();
  const verdict = await verifyWrites(context.cluster.databaseUrl, phase, report.acknowledged);
  if (verdict.lost > 0) failures.push(`${verdict.lost} acknowledged writes lost`);
  if (verdict.duplicated > 0) failures.push(`${verdict.duplicated} writes stored twice`);
  return { report, verdict, figures, failures };
}

/** Resolves once WRITES_BETWEEN_STEPS more writes have been acknowledged. */
export async function flowing(load: LoadRun) {
  await load.waitForWrites(load.acknowledged() + WRITES_BETWEEN_STEPS);
}

/** The clients' 5xx answers and connection errors: both must be 0 where an instance drains. */
export function noServerErrors(outcome: Outcome) {
  if (!outcome.report) return;
  const fives = serverErrors(outcome.report);
  const broken = connectionErrors(outcome.report);
  if (fives > 0) outcome.failures.push(`${fives} responses 5xx`);
  if (broken > 0) outcome.failures.push(`${broken} connection errors`);
}

/**
 * Starts every balanced instance that is not running, and waits until HAProxy routes to each;
 * an extra instance a scenario left behind is removed.
 */
export async function heal(cluster: Cluster): Promise<void> {
  for (const instance of [...cluster.instances]) {
    if (!instance.balanced) {
      await cluster.removeInstance(instance);
      continue;
    }
    if (!instance.running) await instance.restart();
    await cluster.waitBalancer(instance, 'UP');
  }
}

/**
 * Asks `/ready` of each instance given to it, directly (not through the balancer), every
 * `everyMs`, until stopped: how many answers, which were not 200, the slowest.
 */
export function pollReady(everyMs: number) {
  const watched: Instance[] = [];
  const answers = new Map<string, number>();
  const refused: string[] = [];
  let slowest = 0;
  let running = true;
  const started = Date.now();
  const loops: Promise<void>[] = [];
  const loop = async (instance: Instance) => {
    while (running) {
      const next = Date.now() + everyMs;
      const answer = await askReady(instance.url);
      answers.set(instance.name, (answers.get(instance.name) ?? 0) + 1);
      slowest = Math.max(slowest, answer.ms);
      if (answer.status !== 200) {
        const at = ((Date.now() - started) / 1000).toFixed(2);
        refused.push(
          `+${at} s ${instance.name} ${answer.status} ${answer.error ?? JSON.stringify(answer.body)}`,
        );
      }
      await sleep(Math.max(0, next - Date.now()));
    }
  };
  return {
    watch(instance: Instance) {
      watched.push(instance);
      loops.push(loop(instance));
    },
    async stop() {
      running = false;
      await Promise.all(loops);
      return { answers, refused, slowestMs: slowest };
    },
  };
}

/**
 * Polls `check` every `everyMs` until it returns a value (not undefined); throws after
 * `timeoutMs` with `what`. Returns the value and how long it took.
 */
export async function until<T>(
  what: string,
  check: () => Promise<T | undefined>,
  { timeoutMs, everyMs = 100 }: { timeoutMs: number; everyMs?: number },
): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  for (;;) {
    const value = await check();
    if (value !== undefined) return { value, ms: performance.now() - start };
    if (performance.now() - start > timeoutMs) {
      throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    }
    await sleep(everyMs);
  }
}

/** Adds one to `counts[key]` (answers by status, errors by cause). */
export const countBy = (counts: Record<string, number>, key: string | number) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** The instance whose log has the request id (TaskFlow logs every request as it starts). */
export async function servedBy(cluster: Cluster, requestId: string): Promise<Instance | undefined> {
  const deadline = performance.now() + 5_000;
  while (performance.now() < deadline) {
    const found = cluster.instances.find((i) => logHas(i.logFile, `"requestId":"${requestId}"`));
    if (found) return found;
    await sleep(100);
  }
  return undefined;
}
