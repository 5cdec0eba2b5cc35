/**
 * The jobs benchmark, on PostgreSQL: TaskFlow's job queue as `taskflow worker` runs it, two worker
 * processes, and the cheapest job type the app defines (`maintenance.purge-idempotency-keys`:
 * one delete that finds nothing). Jobs are sent with pg-boss, as the app sends them, and timed
 * from pg-boss's own rows (created_on → started_on, by the database's clock). Two figures:
 * - enqueue → start latency, with the workers idle: jobs sent one at a time, 10 ms apart;
 * - throughput: a backlog waiting, then both workers started; jobs per second from their spawn
 *   until the last one has run (worker start-up included).
 */

import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { cli, runCli, scratchDatabase } from '../lib/app.ts';
import { type Child, startChild, stopChild } from '../lib/child.ts';
import { createCleanups, reportFailure } from '../lib/cleanups.ts';
import { median } from '../lib/markdown.ts';
import type { Section } from '../lib/report.ts';
import { type RunInfo, selected } from '../lib/settings.ts';
import { type JobFigures, jobsSection } from './report.ts';

const JOB_TYPE = 'maintenance.purge-idempotency-keys';
const WORKERS = 2;
const sizes = {
  full: { latency: 300, throughput: 10_000 },
  quick: { latency: 20, throughput: 500 },
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A worker's environment, as a cluster sets it (PUBLIC_URL is required there, unused here). */
const workerEnv = (url: string, logLevel: string) => ({
  DATABASE_URL: url,
  PUBLIC_URL: 'http://127.0.0.1',
  LOG_LEVEL: logLevel,
});

/** `taskflow worker`, resolved once it says it is running. */
async function startWorker(url: string): Promise<Child> {
  const worker = startChild([cli, 'worker'], workerEnv(url, 'info'));
  const deadline = Date.now() + 60_000;
  while (!worker.output().includes('TaskFlow worker is running')) {
    const { exitCode } = worker.process;
    if (exitCode !== null || Date.now() > deadline) {
      throw new Error(
        `taskflow worker did not start (${exitCode}): ${worker.output().slice(-500)}`,
      );
    }
    await sleep(10);
  }
  return worker;
}

async function completed(db: pg.Pool): Promise<number> {
  const { rows } = await db.query(
    "select count(*)::int as n from pgboss.job where name = $1 and state = 'completed'",
    [JOB_TYPE],
  );
  return (rows[0] as { n: number }).n;
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

async function measure(url: string, size: { latency: number; throughput: number }) {
  runCli(['migrate', 'up'], { DATABASE_URL: url });
  const db = new pg.Pool({ connectionString: url, max: 2 });
  const boss = new PgBoss({
    connectionString: url,
    supervise: false,
    schedule: false,
    migrate: false,
  });
  const workers: Child[] = [];
  const envelope = { payload: {}, requestId: null };
  try {
    await boss.start();
    // Latency, idle workers.
    for (let i = 0; i < WORKERS; i++) workers.push(await startWorker(url));
    await sleep(1_000);
    const ids: string[] = [];
    for (let i = 0; i < size.latency; i++) {
      const id = await boss.send(JOB_TYPE, envelope);
      if (id) ids.push(id);
      await sleep(10);
    }
    await until(async () => (await completed(db)) >= size.latency, 30_000, 'the latency jobs');
    const { rows } = await db.query(
      'select extract(epoch from started_on - created_on) * 1000 as ms from pgboss.job where id = any($1::uuid[]) order by 1',
      [ids],
    );
    const latencies = rows.map((r: { ms: string }) => Math.round(Number(r.ms)));
    await Promise.all(workers.splice(0).map((w) => stopChild(w.process)));

    // Throughput: a backlog, then both workers at once.
    for (let sent = 0; sent < size.throughput; sent += 1_000) {
      const batch = Math.min(1_000, size.throughput - sent);
      await boss.insert(
        JOB_TYPE,
        Array.from({ length: batch }, () => ({ data: envelope })),
      );
    }
    const before = await completed(db);
    const start = performance.now();
    for (let i = 0; i < WORKERS; i++)
      workers.push(startChild([cli, 'worker'], workerEnv(url, 'warn')));
    await until(
      async () => (await completed(db)) - before >= size.throughput,
      120_000,
      'the backlog',
    );
    const seconds = (performance.now() - start) / 1000;
    return {
      latencyP50Ms: median(latencies) ?? Number.NaN,
      latencyP99Ms: percentile(latencies, 99),
      latencyMaxMs: latencies.at(-1) ?? Number.NaN,
      latencyJobs: latencies.length,
      throughputJobs: size.throughput,
      throughputSeconds: Math.round(seconds * 100) / 100,
      jobsPerSecond: Math.round(size.throughput / seconds),
      workers: WORKERS,
    } satisfies JobFigures;
  } finally {
    await Promise.all(workers.map((w) => stopChild(w.process)));
    await boss.stop({ graceful: false }).catch(() => undefined);
    await db.end();
  }
}

export async function benchJobs(info: RunInfo): Promise<Section | undefined> {
  if (!selected(info, 'jobs')) return undefined;
  const cleanups = createCleanups();
  try {
    const url = await scratchDatabase('taskflow_bench_jobs', cleanups);
    const figures = await measure(url, info.quick ? sizes.quick : sizes.full);
    console.log(
      `jobs: start latency p50 ${figures.latencyP50Ms} ms, p99 ${figures.latencyP99Ms} ms;` +
        ` ${figures.jobsPerSecond} jobs/s with ${figures.workers} workers`,
    );
    return jobsSection({ figures });
  } catch (error) {
    return jobsSection({ error: reportFailure('jobs', error) });
  } finally {
    await cleanups.run();
  }
}
