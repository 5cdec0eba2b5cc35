/**
 * The jobs benchmark, on PostgreSQL: TaskFlow's job queue with a no-op job type and two worker
 * processes (`jobs-worker.ts`). Two figures:
 * - enqueue → start latency, with the workers idle: jobs sent one at a time, 10 ms apart; the
 *   latency is from just before the send to the handler's start (NOTIFY wakes the workers);
 * - throughput: 10,000 jobs waiting, then both workers told to start; jobs per second from the
 *   `go` until the last one has run (worker start-up included).
 *   node scripts/bench/jobs.ts           prints the figures (BENCH_DATABASE_URL as `npm run bench`)
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { z } from 'zod';
import { loadConfig } from '../../apps/api/src/config.ts';
import { openPostgresDatabase } from '../../apps/api/src/platform/db/database.ts';
import { migrateUp } from '../../apps/api/src/platform/db/migrator.ts';
import { createLogger } from '../../apps/api/src/platform/logger.ts';
import { createBoss, installJobSchema } from '../../apps/api/src/platform/queue/boss.ts';
import { createJobQueue } from '../../apps/api/src/platform/queue/job-queue.ts';

const NOOP = 'bench.noop';
const LATENCY_JOBS = 300;
const THROUGHPUT_JOBS = 10_000;
const WORKERS = 2;

export type JobFigures = {
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  latencyJobs: number;
  throughputJobs: number;
  throughputSeconds: number;
  jobsPerSecond: number;
  workers: number;
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

async function admin(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

type Worker = { child: ChildProcess; latencies: number[]; done: number };

function startWorker(url: string): Promise<Worker> {
  const child = fork(path.join(import.meta.dirname, 'jobs-worker.ts'), [url], {
    execPath: process.execPath,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const worker: Worker = { child, latencies: [], done: 0 };
  return new Promise((resolve, reject) => {
    child.on('message', (message: { ready?: boolean; latencies?: number[]; done?: number }) => {
      if (message.ready) resolve(worker);
      if (message.latencies) worker.latencies.push(...message.latencies);
      if (message.done) worker.done += message.done;
    });
    child.once('exit', (code) => reject(new Error(`job worker exited (${code})`)));
  });
}

const tell = (workers: Worker[], type: string) => {
  for (const w of workers) w.child.send({ type });
};
const untilAll = async (check: () => boolean, timeoutMs: number, what: string) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
async function stopWorkers(workers: Worker[]) {
  const exits = workers.map((w) => new Promise((resolve) => w.child.once('exit', resolve)));
  tell(workers, 'stop');
  await Promise.all(exits);
}

export async function measureJobs(adminUrl: string): Promise<JobFigures> {
  const name = `taskflow_bench_jobs_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await admin(adminUrl, `create database "${name}"`);
  const target = new URL(adminUrl);
  target.pathname = `/${name}`;
  const url = target.toString();
  const config = loadConfig({ DATABASE_URL: url });
  const database = openPostgresDatabase(url, config.db);
  const workers: Worker[] = [];
  try {
    await migrateUp(database.db);
    await installJobSchema(database);
    const boss = createBoss(database, { migrate: false, supervise: false }, {});
    const queue = createJobQueue(boss, createLogger('warn'), {
      heartbeatSeconds: config.jobs.heartbeatSeconds,
      expireSeconds: config.jobs.expireSeconds,
      pollSeconds: config.jobs.pollSeconds,
    });
    const noop = queue.define({
      type: NOOP,
      payload: z.object({ sentAt: z.number() }),
      handle: async () => undefined,
    });
    await queue.start({ work: false });

    // Latency, idle workers.
    for (let i = 0; i < WORKERS; i++) workers.push(await startWorker(url));
    tell(workers, 'go');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (let i = 0; i < LATENCY_JOBS; i++) {
      await queue.enqueue(noop, { sentAt: Date.now() });
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const received = () => workers.reduce((n, w) => n + w.latencies.length, 0);
    await untilAll(() => received() >= LATENCY_JOBS, 30_000, 'the latency jobs');
    const latencies = workers.flatMap((w) => w.latencies).sort((a, b) => a - b);
    await stopWorkers(workers.splice(0));

    // Throughput: a backlog, then both workers at once.
    for (let sent = 0; sent < THROUGHPUT_JOBS; sent += 1_000) {
      const batch = Array.from({ length: 1_000 }, () => ({
        data: { payload: { sentAt: Date.now() }, requestId: null },
      }));
      await boss.insert(NOOP, batch);
    }
    for (let i = 0; i < WORKERS; i++) workers.push(await startWorker(url));
    const start = performance.now();
    tell(workers, 'go');
    const completed = () => workers.reduce((n, w) => n + w.done, 0);
    await untilAll(() => completed() >= THROUGHPUT_JOBS, 120_000, 'the backlog');
    const seconds = (performance.now() - start) / 1000;
    await stopWorkers(workers.splice(0));
    await queue.stop(5_000);
    return {
      latencyP50Ms: percentile(latencies, 50),
      latencyP99Ms: percentile(latencies, 99),
      latencyMaxMs: latencies.at(-1) ?? Number.NaN,
      latencyJobs: latencies.length,
      throughputJobs: THROUGHPUT_JOBS,
      throughputSeconds: Math.round(seconds * 100) / 100,
      jobsPerSecond: Math.round(THROUGHPUT_JOBS / seconds),
      workers: WORKERS,
    };
  } finally {
    for (const w of workers) w.child.kill('SIGKILL');
    await database.close();
    await admin(adminUrl, `drop database if exists "${name}" with (force)`);
  }
}

if (import.meta.main) {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  console.log(await measureJobs(url));
}
