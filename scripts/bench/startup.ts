/**
 * Cold start to `/ready`: `node apps/api/src/cli/main.ts serve` spawned, then `GET /ready` polled
 * every 20 ms until it answers 200, one start at a time with nothing else of the bench running,
 * for three kinds of start:
 * - embedded mode on an existing data directory (a restart: made and migrated by one start first),
 * - embedded mode on an empty data directory (a first start: migrations and the demo seed, with
 *   DEMO_SEED=true as `npm start` has it),
 * - cluster mode on a migrated PostgreSQL database, with Redis (NODE_ENV unset: production).
 * Each run also notes when the first log line and the "TaskFlow is serving" line arrived, and is
 * followed by a run of `startup-phases.ts` (the same steps, timed one by one in one process).
 * BENCH_STARTUP_RUNS=<n> sets the runs of each kind (default 5).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createScratchDatabase, dropDatabase } from '../cluster/database.ts';
import { type Child, freePort, startChild, stopChild } from './child.ts';
import { cli } from './scenarios.ts';
import { PHASES_MARK, type Phases } from './startup-phases.ts';
import { adminUrl } from './task-scenarios.ts';

const POLL_MS = 20;
const START_TIMEOUT_MS = 120_000;
const phasesScript = path.join(import.meta.dirname, 'startup-phases.ts');
const webIndex = path.resolve(import.meta.dirname, '../../apps/web/dist/index.html');
export const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export type StartKind = {
  id: 'restart' | 'first' | 'cluster';
  name: string;
  note: string;
};

export const startKinds: StartKind[] = [
  {
    id: 'restart',
    name: 'embedded, existing data directory (restart)',
    note: 'PGlite on a data directory made, migrated and seeded by one start and stop before the timed runs; every timed run reopens it (`DEMO_SEED=true` as on the first start: the demo user is looked up and found).',
  },
  {
    id: 'first',
    name: 'embedded, empty data directory (first start)',
    note: 'PGlite on a new, empty data directory each run: the database created, every migration applied and the demo workspace seeded (`DEMO_SEED=true`, as under `npm start`) before serving.',
  },
  {
    id: 'cluster',
    name: 'cluster, PostgreSQL + Redis',
    note: '`DATABASE_URL` to a PostgreSQL database migrated once by `taskflow migrate up`, `REDIS_URL`, `PUBLIC_URL` set, `NODE_ENV` unset (production); the start waits for Redis to connect.',
  },
];

/** One timed start, in milliseconds from the spawn. */
export type StartRun = {
  ready: number;
  firstLog?: number;
  serving?: number;
};

export type StartFigures = { runs: StartRun[]; phases: Phases[] };
export type StartOutcome = { kind: StartKind; figures?: StartFigures; error?: string };
export type StartupOutcome = {
  runs: number;
  /** Whether apps/web/dist held a build (served by every start, as users run it). */
  webBuild: boolean;
  kinds: StartOutcome[];
};

export function startupRuns(): number {
  const raw = process.env.BENCH_STARTUP_RUNS;
  if (raw === undefined || raw === '') return 5;
  const runs = Number(raw);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`BENCH_STARTUP_RUNS must be a positive whole number, got "${raw}"`);
  }
  return runs;
}

/** What to undo (remove a directory, drop a database), last first; also on an interrupted bench. */
const cleanups: (() => Promise<void> | void)[] = [];

export async function cleanUpStartup() {
  for (let undo = cleanups.pop(); undo; undo = cleanups.pop()) {
    await Promise.resolve()
      .then(undo)
      .catch((error: unknown) => console.error(error));
  }
}

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The environment of a start of this kind, as users set it (default LOG_LEVEL: info). */
function startEnv(kind: StartKind['id'], port: number, target: string): Record<string, string> {
  const common = {
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'info',
    // Empty is "not set" for TaskFlow's configuration: nothing of the bench's environment leaks in.
    NODE_ENV: '',
    WEB_DIST_DIR: '',
  };
  if (kind === 'cluster') {
    return {
      ...common,
      DATABASE_URL: target,
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: `taskflow-bench-startup-${process.pid}:`,
      // Only the stop after each run: a lone instance has no balancer to wait for.
      DRAIN_DELAY_MS: '0',
    };
  }
  // The demo workspace, as `npm start` (NODE_ENV=development) makes it on a first start.
  return { ...common, DATA_DIR: target, DATABASE_URL: '', REDIS_URL: '', DEMO_SEED: 'true' };
}

const lineText = (line: string): string | undefined => {
  try {
    const parsed = JSON.parse(line) as { msg?: unknown };
    return typeof parsed.msg === 'string' ? parsed.msg : undefined;
  } catch {
    return undefined;
  }
};

const failure = (child: Child, message: string) =>
  new Error(`${message}\n  server output:\n${child.output()}`);

/** `taskflow migrate up` on a PostgreSQL database, as an operator runs it before a cluster starts. */
function migrate(databaseUrl: string) {
  const run = spawnSync(process.execPath, [cli, 'migrate', 'up'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`migrate up failed: ${run.stderr.slice(-2000)}`);
}

/** Spawns `serve`, polls `/ready` every 20 ms until 200, stops it; the marks of that start. */
async function timeStart(kind: StartKind['id'], target: string): Promise<StartRun> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/ready`;
  const spawnedAt = performance.now();
  const child = startChild([cli, 'serve'], startEnv(kind, port, target));
  const run: Partial<StartRun> = {};
  let partial = '';
  child.process.stdout?.on('data', (chunk: Buffer) => {
    const at = performance.now() - spawnedAt;
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      run.firstLog ??= at;
      if (run.serving === undefined && lineText(line)?.startsWith('TaskFlow is serving')) {
        run.serving = at;
      }
    }
  });
  try {
    const deadline = spawnedAt + START_TIMEOUT_MS;
    while (run.ready === undefined) {
      const { exitCode, signalCode } = child.process;
      if (exitCode !== null || signalCode !== null) {
        throw failure(child, `serve exited (${exitCode ?? signalCode}) before /ready answered 200`);
      }
      if (performance.now() > deadline) {
        throw failure(child, `/ready did not answer 200 within ${START_TIMEOUT_MS / 1000} s`);
      }
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
        await response.body?.cancel();
        if (response.status === 200) run.ready = performance.now() - spawnedAt;
      } catch {
        // not listening yet
      }
      if (run.ready === undefined) await sleep(POLL_MS);
    }
  } finally {
    await stopChild(child.process, 15_000);
  }
  return { ...run, ready: run.ready };
}

/** One run of startup-phases.ts with the environment of a start of this kind. */
async function timePhases(kind: StartKind['id'], target: string): Promise<Phases> {
  const child = startChild([phasesScript], startEnv(kind, await freePort(), target));
  const timer = setTimeout(() => void stopChild(child.process), START_TIMEOUT_MS);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.process.once('exit', (c, s) => resolve([c, s])),
  );
  clearTimeout(timer);
  const line = child
    .output()
    .split('\n')
    .find((l) => l.startsWith(PHASES_MARK));
  if (code !== 0 || !line) throw failure(child, `startup-phases exited (${code ?? signal})`);
  return JSON.parse(line.slice(PHASES_MARK.length)) as Phases;
}

/** The runs of one kind of start: a real start, then a phases run, `runs` times. */
async function measureKind(kind: StartKind, runs: number): Promise<StartFigures> {
  const figures: StartFigures = { runs: [], phases: [] };
  let target = '';
  if (kind.id === 'cluster') {
    const database = await createScratchDatabase(adminUrl, 'taskflow_bench_startup');
    cleanups.push(() => dropDatabase(adminUrl, database.name));
    target = database.url;
    migrate(target);
  } else if (kind.id === 'restart') {
    // The restart's directory: made, migrated and seeded by one start, untimed.
    target = tempDir('taskflow-bench-startup-');
    await timeStart('restart', target);
  }
  // A first start needs an empty directory every time (removed once used).
  const on = async <T>(time: (target: string) => Promise<T>): Promise<T> => {
    if (kind.id !== 'first') return time(target);
    const dir = tempDir('taskflow-bench-startup-first-');
    try {
      return await time(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  for (let i = 1; i <= runs; i++) {
    const run = await on((dir) => timeStart(kind.id, dir));
    figures.runs.push(run);
    const phases = await on((dir) => timePhases(kind.id, dir));
    figures.phases.push(phases);
    const s = (ms: number | undefined) =>
      ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(2)} s`;
    const steps = Object.entries(phases).filter(([, ms]) => ms >= 1);
    console.log(
      `startup ${kind.id} ${i}/${runs}: /ready 200 after ${s(run.ready)} (first log line ${s(run.firstLog)},` +
        ` "serving" ${s(run.serving)}); steps: ${steps.map(([step, ms]) => `${step} ${s(ms)}`).join(', ')}`,
    );
  }
  return figures;
}

/** Every kind of start, one after another; a kind that fails does not stop the others. */
export async function measureStartup(runs: number): Promise<StartupOutcome> {
  const webBuild = existsSync(webIndex);
  const kinds: StartOutcome[] = [];
  for (const kind of startKinds) {
    try {
      kinds.push({ kind, figures: await measureKind(kind, runs) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`  startup ${kind.id} failed: ${message}`);
      kinds.push({ kind, error: message.split('\n')[0] ?? message });
    } finally {
      await cleanUpStartup();
    }
  }
  return { runs, webBuild, kinds };
}
