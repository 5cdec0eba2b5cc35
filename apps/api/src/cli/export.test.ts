import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AttachmentList } from '@taskflow/contract';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { openEmbeddedDatabase, openPostgresDatabase } from '../platform/db/database.ts';
import type { TransferReport } from '../platform/db/transfer/transfer.ts';
import { signedIn } from '../test/accounts.ts';
import { buildTestApp, listenLocally } from '../test/app.ts';
import { runCli } from '../test/cli.ts';
import { createPostgresTestDatabase, testDatabaseUrl } from '../test/database.ts';
import { openStream } from '../test/event-stream.ts';
import { fillDataDir } from '../test/every-row.ts';
import { createTask, listAll } from '../test/workspaces.ts';

type Exported = TransferReport & {
  files: { objects: number; copiedTo: string | null };
};

/** Every file under `dir`, by relative path, except uploads still arriving. */
async function filesUnder(dir: string) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .filter((f) => !f.startsWith('.incoming'))
    .sort();
}

async function query<T>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('taskflow export', () => {
  it('says in its help what moves and what does not', async () => {
    const run = await runCli(['export', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: taskflow export \[options\]/);
    for (const option of ['--to <url>', '--files-to <dir>', '--files-to-bucket', '--json'])
      expect(run.stdout).toContain(option);
    expect(run.stdout).toContain('What does not: completed and cancelled jobs');
  });

  it('refuses to run in cluster mode', async () => {
    const url = 'postgres://taskflow@127.0.0.1:1/taskflow';
    const run = await runCli(['export', '--to', url], { DATABASE_URL: url });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^taskflow: export reads the embedded data directory \(DATA_DIR\), but DATABASE_URL is set/,
    );
  });

  it('refuses --files-to-bucket without a bucket, a missing data directory, a --to not PostgreSQL', async () => {
    const url = 'postgres://taskflow@127.0.0.1:1/taskflow';
    const bucket = await runCli(['export', '--to', url, '--files-to-bucket']);
    expect(bucket.code).toBe(1);
    expect(bucket.stderr).toBe(
      'taskflow: --files-to-bucket: set S3_BUCKET (and S3_ENDPOINT…) to the bucket\n',
    );
    const nowhere = await runCli(['export', '--to', url], { DATA_DIR: '/nonexistent/taskflow' });
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toBe(
      'taskflow: no embedded data directory at /nonexistent/taskflow (DATA_DIR)\n',
    );
    const mysql = await runCli(['export', '--to', 'mysql://localhost/db']);
    expect(mysql.code).toBe(1);
    expect(mysql.stderr).toContain(
      "option '--to <url>' argument 'mysql://localhost/db' is invalid",
    );
  });
});

/**
 * An embedded TaskFlow with every kind of row, moved into a new PostgreSQL database by
 * `taskflow export` as an operator runs it; then the app on that database, in cluster mode,
 * serves the same accounts, tasks, files and event positions. Runs in `npm run test:pg`.
 */
describe.runIf(testDatabaseUrl)('taskflow export --to postgres://…', () => {
  let root: string;
  let target: Awaited<ReturnType<typeof createPostgresTestDatabase>>;
  let filled: Awaited<ReturnType<typeof fillDataDir>>;
  const dirs = { data: '', files: '', filesTo: '' };

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'taskflow-export-'));
    Object.assign(dirs, {
      data: path.join(root, 'data'),
      files: path.join(root, 'files'),
      filesTo: path.join(root, 'shared-files'),
    });
    filled = await fillDataDir(dirs.data, dirs.files);
    target = await createPostgresTestDatabase(testDatabaseUrl ?? '');
  }, 180_000);
  afterAll(async () => {
    await target?.drop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('copies every table and the files, counted and summed alike on both sides', async () => {
    const env = { DATA_DIR: dirs.data, FILES_DIR: dirs.files };
    const run = await runCli(
      ['export', '--to', target.url, '--files-to', dirs.filesTo, '--json'],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('copying rows: ');
    const report = JSON.parse(run.stdout) as Exported;
    expect(report.same).toBe(true);
    const names = report.tables.map((t) => t.table);
    const tables = await query<{ name: string }>(
      target.url,
      "select 'public.' || tablename as name from pg_tables where schemaname = 'public' and tablename not like 'kysely_migration%'",
    );
    expect(names.filter((n) => n.startsWith('public.')).sort()).toEqual(
      tables.map((t) => t.name).sort(),
    );
    for (const t of report.tables) {
      // A table left empty here would not show a copy that loses its rows.
      if (t.table.startsWith('public.')) expect(t.source.rows, t.table).toBeGreaterThan(0);
      expect(t.target, t.table).toEqual(t.source);
    }
    // Jobs waiting, retrying, running, failed and dead-lettered move; those completed stay behind.
    const states = await query<{ name: string; state: string; n: number }>(
      target.url,
      "select name, state::text, count(*)::int as n from pgboss.job where name like 'tasks.export%' group by 1, 2 order by 1, 2",
    );
    expect(states).toEqual([
      { name: 'tasks.export', state: 'active', n: 1 },
      { name: 'tasks.export', state: 'created', n: 1 },
      { name: 'tasks.export', state: 'failed', n: 1 },
      { name: 'tasks.export', state: 'retry', n: 1 },
      { name: 'tasks.export__dead', state: 'created', n: 1 },
    ]);
    const finished = `select count(*)::int as n from pgboss.job
      where state in ('completed', 'cancelled')`;
    expect(await query(target.url, finished)).toEqual([{ n: 0 }]);
    const source = await openEmbeddedDatabase(dirs.data);
    try {
      const { rows } = await sql.raw<{ n: number }>(finished).execute(source.db);
      expect(rows[0]?.n).toBeGreaterThan(0);
    } finally {
      await source.close();
    }
    expect(report.sequences.every((s) => s.same)).toBe(true);
    expect(report.files.copiedTo).toBe(dirs.filesTo);
    // The images and thumbnails, the deleted file too until the purge job removes it.
    const stored = await filesUnder(dirs.files);
    expect(stored.length).toBeGreaterThanOrEqual(3);
    expect(report.files.objects).toBe(stored.length);
    expect(await filesUnder(dirs.filesTo)).toEqual(stored);
  }, 120_000);

  it('leaves a cluster that serves the same accounts, tasks, files and event positions', async () => {
    const database = openPostgresDatabase(target.url, loadConfig({}).db);
    const { app } = await buildTestApp(database, {
      DATABASE_URL: target.url,
      FILES_DIR: dirs.filesTo,
    });
    try {
      const demo = await signedIn(app, 'demo@taskflow.local', filled.password);
      const { workspaceId, taskId, added, image } = filled.attachment;
      expect((await listAll(demo, workspaceId)).map((t) => t.id)).toEqual(filled.tasks);
      const files: AttachmentList = (
        await demo.get(`/api/v1/workspaces/${workspaceId}/tasks/${taskId}/attachments`)
      ).json();
      const file = files.items.find((f) => f.id === added.id);
      const download = await app.inject({ method: 'GET', url: file?.downloadUrl ?? '' });
      expect(download.rawPayload.equals(image)).toBe(true);

      // A stream resumes after the last event it had: first the event committed in embedded
      // mode but not numbered there, then the cluster's own, the ids following on.
      const last = BigInt(filled.lastEventId);
      const stream = await openStream(await listenLocally(app), demo.accessToken, {
        lastEventId: filled.lastEventId,
      });
      await stream.ready();
      const created = await createTask(demo, workspaceId, { title: 'After the move' });
      await stream.until((m) => m.some((e) => e.type === 'task.created'));
      expect(stream.messages.map((m) => m.type)).not.toContain('reset');
      const events = stream.events();
      expect(events.map((e) => BigInt(e.sseId ?? 0))).toEqual(
        events.map((_, i) => last + BigInt(i + 1)),
      );
      expect(events[0]).toMatchObject({ type: 'task.updated', data: { late: true } });
      expect(JSON.stringify(events.at(-1))).toContain(created.id);
      await stream.close();
    } finally {
      await app.close();
      await database.close();
    }
  }, 60_000);

  it('refuses a target that holds data, or that a newer TaskFlow migrated', async () => {
    const again = await runCli(['export', '--to', target.url], { DATA_DIR: dirs.data });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /^taskflow: postgres:\/\/\S+ is not empty \(\d+ tables hold rows: /,
    );

    const newer = await createPostgresTestDatabase(testDatabaseUrl ?? '');
    try {
      await query(
        newer.url,
        'create table kysely_migration (name varchar(255) primary key, timestamp varchar(255) not null)',
      );
      await query(newer.url, "insert into kysely_migration values ('9999_future', '2030-01-01')");
      const run = await runCli(['export', '--to', newer.url], { DATA_DIR: dirs.data });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/has migrations this TaskFlow does not know \(9999_future\)/);
    } finally {
      await newer.drop();
    }
  }, 60_000);

  it('writes nothing when a step fails before the commit: the export can run again', async () => {
    const fresh = await createPostgresTestDatabase(testDatabaseUrl ?? '');
    try {
      const env = { DATA_DIR: dirs.data, FILES_DIR: dirs.files };
      // The files' copy, the last step before the commit, fails: there is a file in the way.
      const blocked = path.join(dirs.data, 'pglite-version', 'files');
      const failed = await runCli(['export', '--to', fresh.url, '--files-to', blocked], env);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain('ENOTDIR');
      const [users] = await query<{ n: number }>(fresh.url, 'select count(*)::int as n from users');
      expect(users?.n).toBe(0);
      const run = await runCli(['export', '--to', fresh.url, '--json'], env);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ same: true, files: { copiedTo: null } });
    } finally {
      await fresh.drop();
    }
  }, 60_000);
});
