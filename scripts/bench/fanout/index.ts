/**
 * The live-updates fan-out scenarios: one server (its own process) holding 10,000 open
 * `GET /api/v1/events` streams, opened by a client in another process (`client.ts`), which
 * times each write's delivery to every stream and reads the server's memory. The real app on
 * each database, and the bare reference (`reference.ts`) for the floor of this machine.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  appEnv,
  cli,
  type Fixture,
  scratchDatabase,
  scratchDir,
  seed,
  signIn,
  type Target,
} from '../lib/app.ts';
import { freePort, startChild, startServer, stopChild } from '../lib/child.ts';
import { type Cleanups, createCleanups, reportFailure } from '../lib/cleanups.ts';
import type { Section } from '../lib/report.ts';
import { type RunInfo, selected } from '../lib/settings.ts';
import type { ClientConfig, ClientResult } from './client.ts';
import { FANOUT_GOAL, type FanoutOutcome, type FanoutScenario, fanoutSection } from './report.ts';

const client = path.join(import.meta.dirname, 'client.ts');
const reference = path.join(import.meta.dirname, 'reference.ts');

/** The goal's subscribers, then fewer: where the latency goal holds, if not at the goal. */
const FANOUT_STEPS = [
  { subscribers: FANOUT_GOAL.subscribers, writes: 20 },
  { subscribers: 5_000, writes: 6 },
  { subscribers: 2_500, writes: 6 },
  { subscribers: 1_000, writes: 6 },
];
/** --quick: enough to run every part once. */
const QUICK_STEPS = [
  { subscribers: 200, writes: 3 },
  { subscribers: 100, writes: 2 },
];
const FANOUT_WARMUP_WRITES = 2;
const FANOUT_SPACING_MS = 250;
const CLIENT_TIMEOUT_MS = 180_000;
/** The publisher (the workspace's owner) and the subscribers' accounts, streams spread over them. */
const MEMBERS = 21;

const fanoutScenarios: FanoutScenario[] = [
  { id: 'fanout-pglite', name: 'app, PGlite', server: 'pglite', readyTimeoutMs: 90_000 },
  { id: 'fanout-postgres', name: 'app, PostgreSQL', server: 'postgres', readyTimeoutMs: 30_000 },
  {
    id: 'fanout-reference',
    name: 'reference (bare node:http)',
    server: 'reference',
    readyTimeoutMs: 15_000,
  },
];

/** A fresh database seeded with the members' workspace (no tasks). */
async function prepareDatabase(scenario: FanoutScenario, work: string, cleanups: Cleanups) {
  const target: Target =
    scenario.server === 'pglite'
      ? { kind: 'embedded', dataDir: path.join(work, 'data') }
      : { kind: 'postgres', url: await scratchDatabase('taskflow_bench_fanout', cleanups) };
  return { target, fixture: seed(target, MEMBERS, 0) };
}

/** Runs the client against the server, and returns what it wrote. */
async function runClient(config: ClientConfig): Promise<ClientResult> {
  const child = startChild([client, JSON.stringify(config)]);
  const timer = setTimeout(() => child.process.kill('SIGKILL'), CLIENT_TIMEOUT_MS);
  const [code, signal] = (await once(child.process, 'exit')) as [number | null, string | null];
  clearTimeout(timer);
  let result: ClientResult | undefined;
  try {
    result = JSON.parse(readFileSync(config.resultPath, 'utf8')) as ClientResult;
  } catch {
    result = undefined;
  }
  if (code !== 0 || !result || result.error) {
    const why = result?.error ?? `the client exited (${code ?? signal})`;
    throw new Error(`${why}\n  client output:\n${child.output()}`);
  }
  return result;
}

type Launch = { args: string[]; env: Record<string, string>; fixture?: Fixture };

/** How to start the scenario's server on `port`, with `work` as its scratch directory. */
async function launch(scenario: FanoutScenario, port: number, work: string, cleanups: Cleanups) {
  if (scenario.server === 'reference') return { args: [reference, String(port)], env: {} };
  const { target, fixture } = await prepareDatabase(scenario, work, cleanups);
  const env = {
    ...appEnv(port, path.join(work, 'data')),
    ...(target.kind === 'postgres' ? { DATABASE_URL: target.url } : {}),
    // The highest value the config accepts: 500 streams per subscriber account here.
    SSE_MAX_STREAMS_PER_USER: '1000',
  };
  return { args: [cli, 'serve'], env, fixture } satisfies Launch;
}

/** Bearer tokens of the publisher and of the subscribers (the reference takes any). */
async function tokens(fixture: Fixture | undefined, base: string) {
  if (!fixture) return Array.from({ length: MEMBERS }, () => 'unused');
  return Promise.all(fixture.emails.map((email) => signIn(base, email, fixture.password)));
}

async function measureFanout(scenario: FanoutScenario, quick: boolean, cleanups: Cleanups) {
  const work = scratchDir('taskflow-bench-fanout-', cleanups);
  const port = await freePort();
  const { args, env, fixture } = (await launch(scenario, port, work, cleanups)) as Launch;
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer(args, env, `${base}/ready`, scenario.readyTimeoutMs);
  cleanups.add(() => stopChild(server.process));
  const [publisherToken = '', ...subscriberTokens] = await tokens(fixture, base);
  const serverPid = server.process.pid;
  if (serverPid === undefined) throw new Error('the server has no process id');
  return runClient({
    base,
    serverPid,
    workspaceId: fixture?.workspaceId ?? '00000000-0000-4000-8000-00000000f001',
    subscriberTokens,
    publisherToken,
    steps: quick ? QUICK_STEPS : FANOUT_STEPS,
    warmupWrites: FANOUT_WARMUP_WRITES,
    spacingMs: FANOUT_SPACING_MS,
    resultPath: path.join(work, 'result.json'),
  });
}

/** Each fan-out scenario, from a fresh database to a stopped server; failures are its outcome. */
export async function benchFanout(info: RunInfo): Promise<Section | undefined> {
  const chosen = fanoutScenarios.filter((s) => selected(info, s.id));
  if (chosen.length === 0) return undefined;
  const outcomes: FanoutOutcome[] = [];
  for (const scenario of chosen) {
    const cleanups = createCleanups();
    try {
      const figures = await measureFanout(scenario, info.quick, cleanups);
      for (const s of figures.steps) {
        console.log(
          `fan-out ${scenario.name}: ${s.subscribers} subscribers, p50 ${Math.round(s.p50Ms)} ms,` +
            ` p99 ${Math.round(s.p99Ms)} ms, ${s.delivered}/${s.expected} delivered`,
        );
      }
      outcomes.push({ scenario, figures });
    } catch (error) {
      outcomes.push({ scenario, error: reportFailure(scenario.id, error) });
    } finally {
      await cleanups.run();
    }
  }
  return fanoutSection(outcomes);
}
