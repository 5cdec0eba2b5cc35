/**
 * `npm run bench`: starts the server of every scenario of scripts/bench/scenarios.ts and
 * task-scenarios.ts, each in its own child process (scenarios may share one), then measures them in interleaved rounds (autocannon in this process,
 * one load at a time), reports the median round of each, then, once those servers have stopped,
 * runs alone on the machine one after another: the live-updates fan-out scenarios
 * (scripts/bench/fanout.ts), the job queue (jobs.ts), the cold starts to `/ready` (startup.ts) and
 * list-20 through HAProxy to one and two instances (balancer.ts); then writes docs/benchmarks.md.
 * Exits 1 when a scenario failed (no start, wrong first response, any non-2xx response or socket
 * error, a fan-out delivery missing, a start that never got ready); targets are reported, never
 * enforced.
 *
 * BENCH_DURATION=<seconds> overrides the measured duration of each round (default 5);
 * BENCH_STARTUP_RUNS=<n> the starts of each kind (default 5);
 * BENCH_ONLY=<regex> runs only the scenarios whose id matches (`fanout`: the fan-out ones, `jobs`,
 * `startup`, `balancer`), without writing the report.
 */
import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanUpBalancer, measureBalancer } from './bench/balancer.ts';
import { balancerFailed, balancerSection } from './bench/balancer-report.ts';
import { type Child, freePort, startChild, stopAll, stopChild, waitReady } from './bench/child.ts';
import { cleanUpFanout, fanoutScenarios, runFanout } from './bench/fanout.ts';
import { type FanoutOutcome, fanoutFailed } from './bench/fanout-report.ts';
import { measureJobs } from './bench/jobs.ts';
import { type JobsOutcome, jobsFailed } from './bench/jobs-report.ts';
import { type LoadFigures, measure, medianRound } from './bench/load.ts';
import { failed, type Outcome, type RunInfo, renderReport } from './bench/report.ts';
import { scenarios as baseScenarios, type Launch, type Scenario } from './bench/scenarios.ts';
import { cleanUpStartup, measureStartup, startupRuns } from './bench/startup.ts';
import { startupFailed, startupSection } from './bench/startup-report.ts';
import { taskScenarios } from './bench/task-scenarios.ts';

/** BENCH_ONLY=<regex> measures only the scenarios whose id matches, and writes no report. */
const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : undefined;
const scenarios = [...baseScenarios, ...taskScenarios].filter((s) => !only || only.test(s.id));
const fanouts = fanoutScenarios.filter((s) => !only || only.test(s.id));
/** The ids of the benchmarks that run alone after the others, for BENCH_ONLY. */
const runJobs = !only || only.test('jobs');
const runStartup = !only || only.test('startup');
const runBalancer = !only || only.test('balancer');

const CONNECTIONS = 50;
const WARMUP_SECONDS = 3;
const ROUNDS = 3;
const reportPath = path.resolve(import.meta.dirname, '../docs/benchmarks.md');

function measuredSeconds(): number {
  const raw = process.env.BENCH_DURATION;
  if (raw === undefined || raw === '') return 5;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new Error(`BENCH_DURATION must be a positive number of seconds, got "${raw}"`);
  }
  return seconds;
}

/** Checks the first response: 2xx and the expected JSON body. */
async function verifyFirstResponse(
  scenario: Scenario,
  url: string,
  headers: Record<string, string>,
): Promise<void> {
  const request = scenario.request;
  const response = await fetch(url, {
    method: request?.method ?? 'GET',
    body: request?.body,
    headers: { ...request?.headers, ...headers },
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!response.ok || !scenario.expect(body)) {
    throw new Error(`first response was ${response.status} ${text.slice(0, 200)}`);
  }
}

/** A running server process, shared by the scenarios that name it. */
type Server = { child: Child; base: string; launch: Launch };
type Started = { scenario: Scenario; server: Server; headers: Record<string, string> };

const servers = new Map<string, Promise<Server>>();

async function launchServer(scenario: Scenario): Promise<Server> {
  const port = await freePort();
  const launch = await scenario.launch(port);
  const child = startChild(launch.args, launch.env);
  const server = { child, base: `http://127.0.0.1:${port}`, launch };
  try {
    await waitReady(child, server.base + scenario.readyPath, scenario.readyTimeoutMs);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\n  server output:\n${child.output()}`);
  }
  return server;
}

/** The scenario's server, started on first use; failures are the scenario's. */
function serverFor(scenario: Scenario): Promise<Server> {
  const key = scenario.server ?? scenario.id;
  let server = servers.get(key);
  if (!server) {
    server = launchServer(scenario);
    servers.set(key, server);
  }
  return server;
}

/** Starts (or reuses) a scenario's server and checks its first response; null on failure. */
async function start(scenario: Scenario, outcomes: Outcome[]): Promise<Started | null> {
  try {
    const server = await serverFor(scenario);
    const headers = (await scenario.prepare?.(server.base)) ?? {};
    await verifyFirstResponse(scenario, server.base + scenario.path, headers);
    return { scenario, server, headers };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`  ${scenario.id} failed: ${message}`);
    outcomes.push({ scenario, error: message.split('\n')[0] ?? message });
    return null;
  }
}

/** Stops every server once, then removes what it used. */
async function stopServers() {
  for (const pending of servers.values()) {
    const server = await pending.catch(() => undefined);
    if (!server) continue;
    await stopChild(server.child.process);
    for (const dir of server.launch.cleanup ?? []) rmSync(dir, { recursive: true, force: true });
    await server.launch.teardown?.();
  }
  servers.clear();
}

/** The round with the median throughput stands for the scenario; failures of any round count. */
function combine(scenario: Scenario, rounds: LoadFigures[]): Outcome {
  const figures = medianRound(rounds);
  return figures ? { scenario, figures } : { scenario, error: 'no measurement' };
}

/** The jobs benchmark on PostgreSQL (BENCH_DATABASE_URL), alone on the machine. */
async function measureJobsOutcome(): Promise<JobsOutcome> {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  try {
    const figures = await measureJobs(url);
    console.log(
      `jobs: start latency p50 ${figures.latencyP50Ms} ms, p99 ${figures.latencyP99Ms} ms;` +
        ` ${figures.jobsPerSecond} jobs/s with ${figures.workers} workers`,
    );
    return { figures };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`  jobs failed: ${message}`);
    return { error: message.split('\n')[0] ?? message };
  }
}

/** The fan-out scenarios, one at a time, once every other server has stopped. */
async function measureFanouts(): Promise<FanoutOutcome[]> {
  const outcomes: FanoutOutcome[] = [];
  for (const scenario of fanouts) {
    const outcome = await runFanout(scenario);
    for (const s of outcome.figures?.steps ?? []) {
      console.log(
        `fan-out ${scenario.name}: ${s.subscribers} subscribers, p50 ${Math.round(s.p50Ms)} ms,` +
          ` p99 ${Math.round(s.p99Ms)} ms, ${s.delivered}/${s.expected} delivered`,
      );
    }
    if (outcome.figures) {
      console.log(
        `fan-out ${scenario.name}: ${outcome.figures.perConnectionKb.toFixed(1)} KiB per connection`,
      );
    }
    outcomes.push(outcome);
  }
  return outcomes;
}

async function main(): Promise<number> {
  const cpus = os.cpus();
  const info: RunInfo = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    connections: CONNECTIONS,
    warmupSeconds: WARMUP_SECONDS,
    durationSeconds: measuredSeconds(),
    rounds: ROUNDS,
  };
  // Checked before anything runs, as BENCH_DURATION is.
  const startupRunCount = runStartup ? startupRuns() : 0;
  const outcomes: Outcome[] = [];
  const running: Started[] = [];
  for (const scenario of scenarios) {
    const started = await start(scenario, outcomes);
    if (started) running.push(started);
  }
  // Every server is up at once (idle ones cost nothing); rounds interleave the scenarios, so a
  // slow moment of the machine touches all of them instead of one.
  const figures = new Map<Scenario, LoadFigures[]>(running.map((r) => [r.scenario, []]));
  for (let round = 1; round <= info.rounds; round++) {
    for (const { scenario, server, headers } of running) {
      const f = await measure({
        url: server.base + scenario.path,
        method: scenario.request?.method,
        body: scenario.request?.body,
        headers: { ...scenario.request?.headers, ...headers },
        connections: info.connections,
        warmupSeconds: round === 1 ? info.warmupSeconds : 0,
        durationSeconds: info.durationSeconds,
      });
      console.log(
        `round ${round} ${scenario.name}: ${Math.round(f.requestsPerSecond)} req/s,` +
          ` p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms, ${f.non2xx} non-2xx, ${f.errors} errors`,
      );
      figures.get(scenario)?.push(f);
    }
  }
  await stopServers();
  for (const [scenario, rounds] of figures) outcomes.push(combine(scenario, rounds));
  outcomes.sort((a, b) => scenarios.indexOf(a.scenario) - scenarios.indexOf(b.scenario));
  const fanout = await measureFanouts();
  const jobs = runJobs ? await measureJobsOutcome() : undefined;
  const startup = runStartup ? await measureStartup(startupRunCount) : undefined;
  if (startup) console.log(startupSection(startup).join('\n'));
  const balancer = runBalancer ? await measureBalancer(info) : undefined;
  if (balancer) console.log(balancerSection(balancer, info.cores).join('\n'));

  if (only) console.log('BENCH_ONLY is set: docs/benchmarks.md is left as it was');
  else {
    writeFileSync(reportPath, renderReport(info, outcomes, fanout, jobs, { startup, balancer }));
    console.log(`Wrote ${path.relative(process.cwd(), reportPath)}`);
  }
  const failures = [
    ...outcomes.filter(failed).map((o) => o.scenario.id),
    ...fanout.filter(fanoutFailed).map((o) => o.scenario.id),
    ...(jobs && jobsFailed(jobs) ? ['jobs'] : []),
    ...(startup && startupFailed(startup) ? ['startup'] : []),
    ...(balancer && balancerFailed(balancer) ? ['balancer'] : []),
  ];
  if (failures.length > 0) console.error(`Failed scenarios: ${failures.join(', ')}`);
  return failures.length > 0 ? 1 : 0;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stopServers()
      .then(cleanUpFanout)
      .then(cleanUpStartup)
      .then(cleanUpBalancer)
      .then(stopAll)
      .finally(() => process.exit(130));
  });
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await stopServers().catch((error: unknown) => console.error(error));
  await stopAll();
}
