/**
 * Cold start to `/ready`: `taskflow serve` spawned, then `GET /ready` polled
 * every 20 ms until it answers 200, one start at a time with nothing else of the bench running,
 * for three kinds of start:
 * - embedded mode on an existing data directory (a restart: made and migrated by one start first),
 * - embedded mode on an empty data directory (a first start: migrations and the demo seed, with
 *   DEMO_SEED=true as `npm start` has it),
 * - cluster mode on a migrated PostgreSQL database, with Redis (NODE_ENV unset: production).
 * Each run also notes when the first log line and the "TaskFlow is serving" line arrived.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { cli, redisUrl, root, runCli, scratchDatabase, scratchDir } from '../lib/app.ts';
import { type Child, freePort, startChild, stopChild } from '../lib/child.ts';
import { type Cleanups, createCleanups, reportFailure } from '../lib/cleanups.ts';
import type { Section } from '../lib/report.ts';
import { type RunInfo, selected } from '../lib/settings.ts';
import {
  type StartFigures,
  type StartKind,
  type StartOutcome,
  type StartRun,
  startupSection,
} from './report.ts';

const POLL_MS = 20;
/** Idle memory: sampled this often after /ready, until SETTLED_SAMPLES in a row agree. */
const RSS_SAMPLE_MS = 500;
const SETTLED_SAMPLES = 4;
const SETTLED_KIB = 1_024;
const IDLE_TIMEOUT_MS = 20_000;
const START_TIMEOUT_MS = 120_000;
const webIndex = path.join(root, 'apps/web/dist/index.html');

const startKinds: StartKind[] = [
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

/** Resident memory of a process, in KiB (Linux /proc). */
function residentKib(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
}

/**
 * The resident memory of a server left alone after its start: sampled every 500 ms until four
 * samples in a row are within 1 MiB of each other (or 20 s have passed), in MiB.
 */
async function idleResidentMib(pid: number): Promise<number> {
  const samples: number[] = [];
  const deadline = performance.now() + IDLE_TIMEOUT_MS;
  for (;;) {
    samples.push(residentKib(pid));
    const last = samples.slice(-SETTLED_SAMPLES);
    const settled =
      last.length === SETTLED_SAMPLES && Math.max(...last) - Math.min(...last) <= SETTLED_KIB;
    if (settled || performance.now() > deadline) return (samples.at(-1) ?? Number.NaN) / 1024;
    await sleep(RSS_SAMPLE_MS);
  }
}

const failure = (child: Child, message: string) =>
  new Error(`${message}\n  server output:\n${child.output()}`);

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
    if (child.process.pid !== undefined) run.idleMib = await idleResidentMib(child.process.pid);
  } finally {
    await stopChild(child.process, 15_000);
  }
  return { ...run, ready: run.ready };
}

/** The runs of one kind of start, `runs` times. */
async function measureKind(kind: StartKind, runs: number, cleanups: Cleanups) {
  const figures: StartFigures = { runs: [] };
  let target = '';
  if (kind.id === 'cluster') {
    // Migrated once, as an operator does before a cluster starts.
    target = await scratchDatabase('taskflow_bench_startup', cleanups);
    runCli(['migrate', 'up'], { DATABASE_URL: target });
  } else if (kind.id === 'restart') {
    // The restart's directory: made, migrated and seeded by one start, untimed.
    target = scratchDir('taskflow-bench-startup-', cleanups);
    await timeStart('restart', target);
  }
  // A first start needs an empty directory every time (removed once used).
  const on = async <T>(time: (target: string) => Promise<T>): Promise<T> => {
    if (kind.id !== 'first') return time(target);
    const dir = scratchDir('taskflow-bench-startup-first-', cleanups);
    try {
      return await time(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  for (let i = 1; i <= runs; i++) {
    const run = await on((dir) => timeStart(kind.id, dir));
    figures.runs.push(run);
    const s = (ms: number | undefined) =>
      ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(2)} s`;
    console.log(
      `startup ${kind.id} ${i}/${runs}: /ready 200 after ${s(run.ready)} (first log line ${s(run.firstLog)},` +
        ` "serving" ${s(run.serving)}), idle ${run.idleMib?.toFixed(0) ?? 'n/a'} MiB resident`,
    );
  }
  return figures;
}

/** Every kind of start, one after another; a kind that fails does not stop the others. */
export async function benchStartup(info: RunInfo): Promise<Section | undefined> {
  if (!selected(info, 'startup')) return undefined;
  const kinds: StartOutcome[] = [];
  for (const kind of startKinds) {
    const cleanups = createCleanups();
    try {
      kinds.push({ kind, figures: await measureKind(kind, info.startupRuns, cleanups) });
    } catch (error) {
      kinds.push({ kind, error: reportFailure(`startup ${kind.id}`, error) });
    } finally {
      await cleanups.run();
    }
  }
  return startupSection({ runs: info.startupRuns, webBuild: existsSync(webIndex), kinds });
}
