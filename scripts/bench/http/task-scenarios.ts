/**
 * The task scenarios: list-20 (filtered, sorted), the same list of tasks that have comments and
 * files (their counts come with it), get-1 and create, through the real app and through the
 * reference server (`reference.ts`), on embedded PGlite and on PostgreSQL. The app and the
 * reference of one database read the same fixture (`taskflow seed` and its counted copy,
 * lib/task-fixture.ts).
 */
import path from 'node:path';
import {
  appEnv,
  cli,
  type Fixture,
  getJson,
  isObject,
  ownerHeaders,
  scratchDatabase,
  scratchDir,
  type Target,
} from '../lib/app.ts';
import type { Cleanups } from '../lib/cleanups.ts';
import { ATTACHMENTS_PER_TASK, COMMENTS_PER_TASK } from '../lib/counted-workspace.ts';
import {
  createBody,
  firstTaskPath,
  isCountedPage,
  isPage,
  listPath,
  seedTasks,
  shownPaths,
  TASK_COUNT,
  tasksPath,
} from '../lib/task-fixture.ts';
import { at, type Launch, type Prepared, type Scenario } from './scenarios.ts';

const reference = path.join(import.meta.dirname, 'reference.ts');

const isTask = (body: unknown) => isObject(body) && typeof body.id === 'string';

function counted(fixture: Fixture): string {
  if (!fixture.countedWorkspaceId) throw new Error('the fixture has no counted workspace');
  return fixture.countedWorkspaceId;
}

/** The id of the first task of the workspace (by position): the one get-1 reads. */
async function firstTask(base: string, fixture: Fixture, headers: Record<string, string>) {
  const page = await getJson(base + firstTaskPath(fixture.workspaceId), headers, (body) =>
    isObject(body),
  );
  const [task] = (page as { items: { id: string }[] }).items;
  if (!task) throw new Error('the workspace has no task');
  return task.id;
}

type Operation = {
  id: 'list' | 'list-counts' | 'get' | 'create';
  label: string;
  appPath: (base: string, fixture: Fixture, headers: Record<string, string>) => Promise<string>;
  expect: (body: unknown) => boolean;
  request?: Scenario['request'];
  /** What the report's note adds about the data it reads. */
  about?: string;
};

const operations: Operation[] = [
  {
    id: 'list',
    label: 'GET list-20',
    appPath: async (_, f) => listPath(f.workspaceId),
    expect: isPage,
  },
  {
    id: 'list-counts',
    label: 'GET list-20 with counts',
    appPath: async (_, f) => listPath(counted(f)),
    expect: isCountedPage,
    about: ` \`{countedId}\` is a copy of that workspace (same member, same tasks) whose every task has ${COMMENTS_PER_TASK} comments, one of them deleted, and ${ATTACHMENTS_PER_TASK} files, one of them still pending, written straight into the database: each task of the page counts ${COMMENTS_PER_TASK - 1} comments and ${ATTACHMENTS_PER_TASK - 1} files, read in the list's one statement.`,
  },
  {
    id: 'get',
    label: 'GET get-1',
    appPath: async (base, f, h) => `${tasksPath(f.workspaceId)}/${await firstTask(base, f, h)}`,
    expect: isTask,
  },
  {
    id: 'create',
    label: 'POST create',
    appPath: async (_, f) => tasksPath(f.workspaceId),
    expect: isTask,
    request: {
      method: 'POST',
      body: JSON.stringify(createBody),
      headers: { 'content-type': 'application/json' },
    },
  },
];

const databases = [
  { id: 'pglite', label: 'PGlite', ready: 90_000 },
  { id: 'postgres', label: 'PostgreSQL', ready: 30_000 },
] as const;

type Database = (typeof databases)[number]['id'];

/** A seeded target of each database; the app and the reference share the PostgreSQL one. */
function fixtures() {
  let postgres: Promise<{ target: Target; fixture: Fixture }> | undefined;
  return async (db: Database, cleanups: Cleanups) => {
    if (db === 'pglite') {
      const target: Target = {
        kind: 'embedded',
        dataDir: scratchDir('taskflow-bench-tasks-', cleanups),
      };
      return { target, fixture: seedTasks(target) };
    }
    postgres ??= scratchDatabase('taskflow_bench', cleanups).then((url) => {
      const target: Target = { kind: 'postgres', url };
      return { target, fixture: seedTasks(target) };
    });
    return postgres;
  };
}

/** Every task scenario, app then reference, operation by operation, PGlite first. */
export function taskScenarios(): Scenario[] {
  const seeded = fixtures();
  const launchApp =
    (db: Database) =>
    async (port: number, cleanups: Cleanups): Promise<Launch> => {
      const { target, fixture } = await seeded(db, cleanups);
      const env = appEnv(port, scratchDir('taskflow-bench-data-', cleanups));
      return {
        args: [cli, 'serve'],
        env:
          target.kind === 'embedded'
            ? { ...env, DATA_DIR: target.dataDir }
            : { ...env, DATABASE_URL: target.url },
        fixture,
      };
    };
  const launchReference =
    (db: Database) =>
    async (port: number, cleanups: Cleanups): Promise<Launch> => {
      const { target, fixture } = await seeded(db, cleanups);
      const where = target.kind === 'embedded' ? target.dataDir : target.url;
      const workspaces = [fixture.workspaceId, counted(fixture)];
      return { args: [reference, target.kind, where, String(port), ...workspaces] };
    };
  const appPrepare =
    (op: Operation) =>
    async (base: string, launch: Launch): Promise<Prepared> => {
      if (!launch.fixture) throw new Error('the app was started without its fixture');
      const headers = await ownerHeaders(base, launch.fixture);
      return { path: await op.appPath(base, launch.fixture, headers), headers };
    };
  return databases.flatMap((db) =>
    operations.flatMap((op): Scenario[] => [
      {
        id: `tasks-${op.id}-${db.id}`,
        name: `tasks ${op.label}, ${db.label}`,
        note: `The real app on ${db.label}, authenticated (bearer token), on a workspace of ${TASK_COUNT.toLocaleString('en-US')} tasks made by \`taskflow seed\`: \`${op.request?.method ?? 'GET'} ${shownPaths[op.id]}\`.${op.about ?? ''}`,
        readyPath: '/ready',
        readyTimeoutMs: db.ready,
        server: `app-${db.id}`,
        launch: launchApp(db.id),
        prepare: appPrepare(op),
        expect: op.expect,
        ...(op.request ? { request: op.request } : {}),
      },
      {
        id: `ref-${op.id}-${db.id}`,
        name: `reference ${op.label}, ${db.label}`,
        note: `\`scripts/bench/http/reference.ts\` on ${db.label}: node:http replaying the statements the app issues for the same request (its copy, \`reference-sql.gen.ts\`), through the bare driver, answered with JSON.stringify.`,
        readyPath: '/get',
        readyTimeoutMs: db.ready,
        server: `ref-${db.id}`,
        launch: launchReference(db.id),
        prepare: at(`/${op.id}`),
        expect: op.expect,
        ...(op.request ? { request: op.request } : {}),
      },
    ]),
  );
}
