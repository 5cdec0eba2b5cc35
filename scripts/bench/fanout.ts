/**
 * The live-updates fan-out scenarios: one server (its own process) holding 10,000 open
 * `GET /api/v1/events` streams, opened by a client in another process (`fanout-client.ts`), which
 * times each write's delivery to every stream and reads the server's memory. The real app on
 * each database, and the bare reference (`fanout-reference.ts`) for the floor of this machine.
 */
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, startChild, stopChild, waitReady } from './child.ts';
import type { ClientConfig, ClientResult } from './fanout-client.ts';
import {
  FANOUT_WORKSPACE_ID,
  fanoutPassword,
  publisherEmail,
  subscriberEmails,
} from './fanout-fixture.ts';
import { FANOUT_GOAL, type FanoutOutcome } from './fanout-report.ts';
import { appEnv, cli } from './scenarios.ts';
import { admin, adminUrl, fillWith } from './task-scenarios.ts';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = path.join(root, 'scripts/bench/fanout-fixture.ts');
const client = path.join(root, 'scripts/bench/fanout-client.ts');
const reference = path.join(root, 'scripts/bench/fanout-reference.ts');

/** The goal's subscribers, then fewer: where the latency goal holds, if not at the goal. */
export const FANOUT_STEPS = [
  { subscribers: FANOUT_GOAL.subscribers, writes: 20 },
  { subscribers: 5_000, writes: 6 },
  { subscribers: 2_500, writes: 6 },
  { subscribers: 1_000, writes: 6 },
];
export const FANOUT_WARMUP_WRITES = 2;
export const FANOUT_SPACING_MS = 250;
const CLIENT_TIMEOUT_MS = 180_000;

export type FanoutScenario = {
  id: string;
  name: string;
  /** The app on a database, or the bare reference server. */
  server: 'pglite' | 'postgres' | 'reference';
  readyTimeoutMs: number;
};

export const fanoutScenarios: FanoutScenario[] = [
  { id: 'fanout-pglite', name: 'app, PGlite', server: 'pglite', readyTimeoutMs: 90_000 },
  { id: 'fanout-postgres', name: 'app, PostgreSQL', server: 'postgres', readyTimeoutMs: 30_000 },
  {
    id: 'fanout-reference',
    name: 'reference (bare node:http)',
    server: 'reference',
    readyTimeoutMs: 15_000,
  },
];

/** What to undo (stop the server, drop the database, remove files), last first. */
const cleanups: (() => Promise<void> | void)[] = [];

/** Undoes what a running scenario made; also on an interrupted bench. */
export async function cleanUpFanout() {
  for (let undo = cleanups.pop(); undo; undo = cleanups.pop()) {
    await Promise.resolve()
      .then(undo)
      .catch((error: unknown) => console.error(error));
  }
}

/** A fresh database filled with the fixture; the server's env for it. */
async function prepareDatabase(
  scenario: FanoutScenario,
  dataDir: string,
): Promise<Record<string, string>> {
  if (scenario.server === 'pglite') {
    fillWith(fixture, 'embedded', dataDir);
    return {};
  }
  const name = `taskflow_bench_fanout_${Date.now().toString(36)}`;
  await admin(`create database "${name}"`);
  cleanups.push(() => admin(`drop database if exists "${name}" with (force)`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  fillWith(fixture, 'postgres', url.toString());
  return { DATABASE_URL: url.toString() };
}

async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: fanoutPassword }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
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

/** How to start the scenario's server on `port`, with `work` as its scratch directory. */
async function launch(
  scenario: FanoutScenario,
  port: number,
  work: string,
): Promise<{ args: string[]; env: Record<string, string> }> {
  if (scenario.server === 'reference') return { args: [reference, String(port)], env: {} };
  const dataDir = path.join(work, 'data');
  const env = {
    ...appEnv(port, dataDir),
    ...(await prepareDatabase(scenario, dataDir)),
    // The highest value the config accepts: 500 streams per subscriber account here.
    SSE_MAX_STREAMS_PER_USER: '1000',
  };
  return { args: [cli, 'serve'], env };
}

/** Bearer tokens of the publisher and of the subscribers (the reference takes any). */
async function tokens(scenario: FanoutScenario, base: string) {
  const emails = [publisherEmail, ...subscriberEmails];
  if (scenario.server === 'reference') return emails.map(() => 'unused');
  return Promise.all(emails.map((email) => signIn(base, email)));
}

async function measureFanout(scenario: FanoutScenario): Promise<ClientResult> {
  const work = mkdtempSync(path.join(tmpdir(), 'taskflow-bench-fanout-'));
  cleanups.push(() => rmSync(work, { recursive: true, force: true }));
  const port = await freePort();
  const { args, env } = await launch(scenario, port, work);
  const server = startChild(args, env);
  cleanups.push(() => stopChild(server.process));
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitReady(server, `${base}/ready`, scenario.readyTimeoutMs);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\n  server output:\n${server.output()}`);
  }
  const [publisherToken = '', ...subscriberTokens] = await tokens(scenario, base);
  const serverPid = server.process.pid;
  if (serverPid === undefined) throw new Error('the server has no process id');
  return runClient({
    base,
    serverPid,
    workspaceId: FANOUT_WORKSPACE_ID,
    subscriberTokens,
    publisherToken,
    steps: FANOUT_STEPS,
    warmupWrites: FANOUT_WARMUP_WRITES,
    spacingMs: FANOUT_SPACING_MS,
    resultPath: path.join(work, 'result.json'),
  });
}

/** One fan-out scenario, from a fresh database to a stopped server; failures are its outcome. */
export async function runFanout(scenario: FanoutScenario): Promise<FanoutOutcome> {
  try {
    return { scenario, figures: await measureFanout(scenario) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`  ${scenario.id} failed: ${message}`);
    return { scenario, error: message.split('\n')[0] ?? message };
  } finally {
    await cleanUpFanout();
  }
}
