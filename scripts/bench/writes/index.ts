/**
 * The write path on PostgreSQL (decision 0036), two figures:
 * - the outbox append with `pgbench`: 50 clients, each transaction inserting a task into one of
 *   1,000 workspaces; alone, with the app's outbox insert (while the app's stamp statement runs in
 *   a loop beside it, as the app runs it after commits), and with the counter-row append of
 *   decision 0006 (the write path before 0036), in interleaved rounds;
 * - lock waits while 50 clients create tasks through the app (`taskflow serve`) spread over 20
 *   workspaces: `pg_stat_activity` sampled every 20 ms, the share of the app's active sessions
 *   that wait on a lock.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { referenceSql } from '../http/reference-sql.gen.ts';
import { appEnv, cli, runCli, scratchDatabase, signIn } from '../lib/app.ts';
import { freePort, startServer, stopChild } from '../lib/child.ts';
import { type Cleanups, createCleanups, reportFailure } from '../lib/cleanups.ts';
import { int, median, pct, table, verdict } from '../lib/markdown.ts';
import type { Section } from '../lib/report.ts';
import { type RunInfo, selected } from '../lib/settings.ts';

/** The part of autocannon 8's API used here: one request shape whose path each request sets. */
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests: {
    method: string;
    headers: Record<string, string>;
    body: string;
    setupRequest: (request: { path: string }) => { path: string };
  }[];
}) => Promise<{ requests: { average: number }; non2xx: number; errors: number }>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const WORKSPACES = 1_000;
const APP_WORKSPACES = 20;
const PASSWORD = 'bench-writes-password';

type Variant = 'task' | 'unordered' | 'outbox' | 'workspace' | 'counter';
const variants: Variant[] = ['task', 'unordered', 'outbox', 'workspace', 'counter'];

/**
 * The workspace and its owner, looked up once per transaction and passed to the statements as
 * parameters (`-M prepared`), as the app passes them.
 */
const pick = [
  '\\set ws random(1, 1000)',
  'select id as wid, owner as uid from bench_workspaces where n = :ws \\gset',
];
const insertTask = `insert into tasks (workspace_id, title, position, created_by)
  values (:wid::uuid, 'Bench task', 'Zz', :uid::uuid);`;

/** A task and its event in the outbox: the app's append (decision 0036). */
const outboxAppend = [
  ...pick,
  'begin;',
  insertTask,
  `insert into event_outbox (type, workspace_id, actor_id, payload)
    values ('task.created', :wid::uuid, :uid::uuid, '{"task":{}}'::jsonb);`,
  'commit;',
].join('\n');

/** The transaction of each variant, as a pgbench script. */
const scripts: Record<Variant, string> = {
  task: [...pick, 'begin;', insertTask, 'commit;'].join('\n'),
  // The same transaction as `outbox`: only the stamps beside it differ.
  unordered: outboxAppend,
  outbox: outboxAppend,
  workspace: [
    ...pick,
    'begin;',
    insertTask,
    `with seq as (
        update bench_workspace_events set last_id = last_id + 1 where workspace_id = :wid::uuid
        returning last_id
      )
      insert into event_outbox (type, workspace_id, actor_id, payload)
      select 'task.created', :wid::uuid, :uid::uuid, jsonb_build_object('n', seq.last_id) from seq;`,
    'commit;',
  ].join('\n'),
  counter: [
    ...pick,
    'begin;',
    insertTask,
    `with seq as (update event_sequence set last_id = last_id + 1 returning last_id)
      insert into events (id, type, workspace_id, actor_id, payload)
      select seq.last_id, 'task.created', :wid::uuid, :uid::uuid, '{"task":{}}'::jsonb from seq;`,
    'commit;',
  ].join('\n'),
};

const labels: Record<Variant, string> = {
  task: 'the task insert alone',
  unordered: 'with the outbox insert, never stamped (an append with no order: the ceiling)',
  outbox: 'with the outbox append (decision 0036)',
  workspace: 'with a counter row per workspace and the outbox insert (ordered per workspace only)',
  counter: 'with the counter-row append (decision 0006, before)',
};

/** One user owning `count` workspaces, numbered for pgbench (`bench_workspaces`). */
async function fixture(db: pg.Pool, count: number) {
  const user = await db.query<{ id: string }>(
    `insert into users (email, name, password_hash, email_verified_at)
     values ('writer@bench.test', 'Writer', 'x', now()) returning id`,
  );
  const userId = user.rows[0]?.id ?? '';
  await db.query(
    `create table bench_workspaces (n int primary key, id uuid not null, owner uuid not null)`,
  );
  await db.query(
    `with made as (
       insert into workspaces (name, created_by)
       select 'Bench ' || g, $1 from generate_series(1, $2) g returning id
     ), numbered as (select row_number() over () as n, id from made),
     members as (
       insert into workspace_members (workspace_id, user_id, role)
       select id, $1, 'owner' from numbered
     )
     insert into bench_workspaces select n, id, $1 from numbered`,
    [userId, count],
  );
  // The design decision 0036 rejected, for comparison: a counter row per workspace.
  await db.query(
    `create table bench_workspace_events (workspace_id uuid primary key, last_id bigint not null)`,
  );
  await db.query(`insert into bench_workspace_events select id, 0 from bench_workspaces`);
}

/**
 * The app's stamp, run in a loop on one connection beside the writers (as `taskflow serve` runs
 * it after their commits). `finish` waits until it has stamped everything and resolves with how
 * long that took after the writers stopped: the backlog they left counts against them.
 */
function stampLoop(url: string) {
  const client = new pg.Client({ connectionString: url });
  let writing = true;
  let stoppedAt = 0;
  const [begin, lock, move, commit] = referenceSql.stamp;
  const loop = (async () => {
    await client.connect();
    for (;;) {
      await client.query(begin);
      await client.query(lock, [7_307_001]);
      const moved = await client.query<{ n: number }>(move, [5_000]);
      await client.query(commit);
      if ((moved.rows[0]?.n ?? 0) > 0) continue;
      if (!writing) break;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await client.end();
    return (performance.now() - stoppedAt) / 1000;
  })();
  return async () => {
    writing = false;
    stoppedAt = performance.now();
    return loop;
  };
}

/** One pgbench run of a variant: its transactions and their rate (pgbench's own figure). */
async function pgbench(url: string, variant: Variant, seconds: number, dir: string) {
  const file = path.join(dir, `${variant}.sql`);
  writeFileSync(file, scripts[variant]);
  const child = spawn(
    'pgbench',
    ['-n', '-M', 'prepared', '-c', '50', '-j', '2', '-T', String(seconds), '-f', file, url],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const [code] = (await once(child, 'close')) as [number | null];
  if (code !== 0) throw new Error(`pgbench failed: ${output.slice(-2000)}`);
  const tps = /tps = ([\d.]+)/.exec(output)?.[1];
  const processed = /actually processed: (\d+)/.exec(output)?.[1];
  if (!tps || !processed) throw new Error(`pgbench printed no figures: ${output.slice(-2000)}`);
  return { tps: Number(tps), processed: Number(processed) };
}

async function appendFigures(info: RunInfo, url: string) {
  const db = new pg.Pool({ connectionString: url, max: 2 });
  const dir = mkdtempSync(path.join(tmpdir(), 'taskflow-bench-writes-'));
  try {
    await fixture(db, WORKSPACES);
    const tps: Record<Variant, number[]> = {
      task: [],
      unordered: [],
      outbox: [],
      workspace: [],
      counter: [],
    };
    let drainSeconds = 0;
    for (let round = 0; round < info.rounds; round++) {
      for (const variant of variants) {
        const finish = variant === 'outbox' ? stampLoop(url) : undefined;
        const run = await pgbench(url, variant, info.durationSeconds * 2, dir);
        // The outbox's rate counts the time the stamp then took to number what the writers left.
        const drained = (await finish?.()) ?? 0;
        // The unstamped rows of `unordered` go, so that the next stamp starts from nothing.
        if (variant === 'unordered' || variant === 'workspace') {
          await db.query('truncate event_outbox');
        }
        drainSeconds = Math.max(drainSeconds, drained);
        tps[variant].push(run.processed / (run.processed / run.tps + drained));
        console.log(
          `  writes: ${variant}, round ${round + 1}: ${Math.round(tps[variant].at(-1) ?? 0)} tps${finish ? ` (stamped ${drained.toFixed(2)} s after the writers stopped)` : ''}`,
        );
      }
    }
    const pending = await db.query<{ n: number }>('select count(*)::int as n from event_outbox');
    return {
      tps: Object.fromEntries(variants.map((v) => [v, median(tps[v]) ?? 0])) as Record<
        Variant,
        number
      >,
      unstamped: pending.rows[0]?.n ?? 0,
      drainSeconds,
    };
  } finally {
    await db.end();
  }
}

/** Samples the app's sessions in `pg_stat_activity` until `stop`: active, and waiting on a lock. */
function sampleLocks(url: string) {
  const client = new pg.Client({ connectionString: url, application_name: 'bench-sampler' });
  let running = true;
  let active = 0;
  let waiting = 0;
  const loop = (async () => {
    await client.connect();
    while (running) {
      const { rows } = await client.query<{ active: number; waiting: number }>(
        `select count(*)::int as active,
           count(*) filter (where wait_event_type = 'Lock')::int as waiting
         from pg_stat_activity
         where datname = current_database() and state = 'active'
           and application_name = 'taskflow'`,
      );
      active += rows[0]?.active ?? 0;
      waiting += rows[0]?.waiting ?? 0;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await client.end();
  })();
  return async () => {
    running = false;
    await loop;
    return { active, waiting };
  };
}

async function lockFigures(info: RunInfo, url: string, cleanups: Cleanups) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'taskflow-bench-writes-app-'));
  const env = { ...appEnv(port, dataDir), DATABASE_URL: url };
  runCli(['create-admin', '--email', 'owner@bench.test', '--name', 'Owner'], env, `${PASSWORD}\n`);
  const server = await startServer([cli, 'serve'], env, `${base}/ready`, 120_000);
  cleanups.add(() => stopChild(server.process));
  const token = await signIn(base, 'owner@bench.test', PASSWORD);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const workspaces: string[] = [];
  for (let i = 0; i < APP_WORKSPACES; i++) {
    const res = await fetch(`${base}/api/v1/workspaces`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: `Lane ${i}` }),
    });
    workspaces.push(((await res.json()) as { id: string }).id);
  }
  const stop = sampleLocks(url);
  let next = 0;
  const load = await autocannon({
    url: base,
    connections: info.connections,
    duration: info.durationSeconds * 2,
    requests: [
      {
        method: 'POST',
        headers,
        body: JSON.stringify({ title: 'Bench task' }),
        setupRequest: (request) => {
          request.path = `/api/v1/workspaces/${workspaces[next++ % workspaces.length]}/tasks`;
          return request;
        },
      },
    ],
  });
  const samples = await stop();
  console.log(
    `  writes: app creates ${Math.round(load.requests.average)}/s; sessions active ${samples.active}, waiting on a lock ${samples.waiting}`,
  );
  return { load, ...samples };
}

export async function benchWrites(info: RunInfo): Promise<Section | undefined> {
  if (!selected(info, 'writes')) return undefined;
  console.log('\n== write path (PostgreSQL)');
  const cleanups = createCleanups();
  const failures: string[] = [];
  const markdown: string[] = ['## Write path (PostgreSQL)', ''];
  try {
    const appendUrl = await scratchDatabase('taskflow_bench_append_', cleanups);
    runCli(['migrate', 'up'], { DATABASE_URL: appendUrl });
    const append = await appendFigures(info, appendUrl);
    const ratio = append.tps.outbox / append.tps.task;
    markdown.push(
      `\`pgbench -M prepared\`, 50 clients, ${WORKSPACES.toLocaleString('en-US')} workspaces, ${info.rounds} interleaved rounds of ${info.durationSeconds * 2} s; each row is the median round. The outbox rows are stamped meanwhile by the app's stamp statements in a loop on one more connection; the outbox row's rate counts the time until every row was stamped (at most ${append.drainSeconds.toFixed(2)} s after the writers stopped; ${append.unstamped} left at the end).`,
      '',
      ...table(
        ['Transaction', 'Transactions/s', 'Of the task insert alone'],
        variants.map((v) => [labels[v], int(append.tps[v]), pct(append.tps[v] / append.tps.task)]),
        (column) => column > 0,
      ),
      '',
      `- Target "the outbox append reaches at least 80 % of the same transaction without it": ${pct(ratio)}: ${verdict(ratio >= 0.8)}.`,
      '',
    );

    const appUrl = await scratchDatabase('taskflow_bench_locks_', cleanups);
    runCli(['migrate', 'up'], { DATABASE_URL: appUrl });
    const locks = await lockFigures(info, appUrl, cleanups);
    const share = locks.active > 0 ? locks.waiting / locks.active : 0;
    markdown.push(
      `${info.connections} clients creating tasks through one \`taskflow serve\` on PostgreSQL, spread over ${APP_WORKSPACES} workspaces, for ${info.durationSeconds * 2} s: ${int(locks.load.requests.average)} creates/s, ${locks.load.non2xx} non-2xx and ${locks.load.errors} errors; \`pg_stat_activity\` sampled every 20 ms: ${int(locks.active)} active sessions seen, ${int(locks.waiting)} of them waiting on a lock.`,
      '',
      `- Target "fewer than 10 % of the active sessions wait on a lock": ${pct(share)}: ${verdict(share < 0.1)}.`,
      '',
    );
    if (locks.load.non2xx > 0 || locks.load.errors > 0) failures.push('writes (app creates)');
  } catch (error) {
    failures.push(reportFailure('writes', error));
  } finally {
    await cleanups.run();
  }
  return { markdown, notes: [], failures };
}
