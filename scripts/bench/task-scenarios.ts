/**
 * The task scenarios: list-20 (filtered, sorted), get-1 and create, through the real app and
 * through the reference server (`reference.ts`), on embedded PGlite and on PostgreSQL. The app
 * and the reference of one database read the same fixture (`task-fixture.ts`).
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { appEnv, bearer, cli, isObject, type Launch, type Scenario } from './scenarios.ts';
import { createBody, createPath, getPath, listPath, TASK_COUNT, TASK_ID } from './task-fixture.ts';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = path.join(root, 'scripts/bench/task-fixture.ts');
const reference = path.join(root, 'scripts/bench/reference.ts');
/** Where the PostgreSQL scenarios create (and drop) their database. */
export const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Migrates a data directory or a database as an operator does (`taskflow migrate up`: the app's
 * migrations and the job queue's schema), then fills it with a fixture script (`runFixture`).
 */
export function fillWith(script: string, kind: 'embedded' | 'postgres', target: string) {
  const env = {
    ...process.env,
    LOG_LEVEL: 'warn',
    [kind === 'embedded' ? 'DATA_DIR' : 'DATABASE_URL']: target,
  };
  for (const args of [
    [cli, 'migrate', 'up'],
    [script, kind, target],
  ]) {
    const run = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
    if (run.status !== 0) {
      throw new Error(`${path.basename(args[0] ?? '')} failed: ${run.stderr.slice(-2000)}`);
    }
  }
}

const fill = (kind: 'embedded' | 'postgres', target: string) => fillWith(fixture, kind, target);

function freshDataDir() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'taskflow-bench-tasks-'));
  fill('embedded', dataDir);
  return dataDir;
}

/** Runs one statement on the admin database (create or drop a bench database). */
export async function admin(statement: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** One PostgreSQL database for the app and the reference, made on first use. */
let postgres: Promise<{ url: string; name: string }> | undefined;
function postgresFixture() {
  postgres ??= (async () => {
    const name = `taskflow_bench_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    await admin(`create database "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    fill('postgres', url.toString());
    return { url: url.toString(), name };
  })();
  return postgres;
}

let dropped = false;
const dropPostgres = async () => {
  if (!postgres || dropped) return;
  dropped = true;
  const { name } = await postgres;
  await admin(`drop database if exists "${name}" with (force)`);
};

const launches: Record<string, (port: number) => Promise<Launch>> = {
  'app-pglite': async (port) => {
    const dataDir = freshDataDir();
    return { args: [cli, 'serve'], env: appEnv(port, dataDir), cleanup: [dataDir] };
  },
  'ref-pglite': async (port) => {
    const dataDir = freshDataDir();
    return { args: [reference, 'embedded', dataDir, String(port)], cleanup: [dataDir] };
  },
  'app-postgres': async (port) => {
    const { url } = await postgresFixture();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'taskflow-bench-unused-'));
    return {
      args: [cli, 'serve'],
      env: { ...appEnv(port, dataDir), DATABASE_URL: url },
      cleanup: [dataDir],
      teardown: dropPostgres,
    };
  },
  'ref-postgres': async (port) => ({
    args: [reference, 'postgres', (await postgresFixture()).url, String(port)],
    teardown: dropPostgres,
  }),
};

const isTask = (body: unknown) => isObject(body) && typeof body.id === 'string';
export const isPage = (body: unknown) =>
  isObject(body) && Array.isArray(body.items) && body.items.length === 20;
const createRequest = {
  method: 'POST' as const,
  body: JSON.stringify(createBody),
  headers: { 'content-type': 'application/json' },
};

type Operation = {
  id: string;
  label: string;
  path: string;
  refPath: string;
  expect: (b: unknown) => boolean;
  request?: Scenario['request'];
};
const operations: Operation[] = [
  {
    id: 'list',
    label: 'GET list-20',
    path: listPath,
    refPath: '/list',
    expect: isPage,
  },
  {
    id: 'get',
    label: 'GET get-1',
    path: getPath,
    refPath: '/get',
    expect: (body) => isTask(body) && (body as { id: string }).id === TASK_ID,
  },
  {
    id: 'create',
    label: 'POST create',
    path: createPath,
    refPath: '/create',
    expect: isTask,
    request: createRequest,
  },
];

const databases = [
  { id: 'pglite', label: 'PGlite', ready: 90_000 },
  { id: 'postgres', label: 'PostgreSQL', ready: 30_000 },
] as const;

export const taskScenarios: Scenario[] = databases.flatMap((db) =>
  operations.flatMap((op): Scenario[] => [
    {
      id: `tasks-${op.id}-${db.id}`,
      name: `tasks ${op.label}, ${db.label}`,
      note: `The real app on ${db.label}, authenticated (bearer token), on a workspace of ${TASK_COUNT.toLocaleString('en-US')} tasks: \`${op.request?.method ?? 'GET'} ${op.path}\`.`,
      path: op.path,
      readyPath: '/ready',
      readyTimeoutMs: db.ready,
      launch: launches[`app-${db.id}`] as Scenario['launch'],
      server: `app-${db.id}`,
      prepare: bearer,
      expect: op.expect,
      ...(op.request ? { request: op.request } : {}),
    },
    {
      id: `ref-${op.id}-${db.id}`,
      name: `reference ${op.label}, ${db.label}`,
      note: `\`scripts/bench/reference.ts\` on ${db.label}: node:http replaying the statements the app issues for the same request, through the bare driver, answered with JSON.stringify.`,
      path: op.refPath,
      readyPath: '/get',
      readyTimeoutMs: db.ready,
      launch: launches[`ref-${db.id}`] as Scenario['launch'],
      server: `ref-${db.id}`,
      expect: op.expect,
      ...(op.request ? { request: op.request } : {}),
    },
  ]),
);
