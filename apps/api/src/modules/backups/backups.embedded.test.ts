import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Backup, BackupList } from '@taskflow/contract';
import { sql } from 'kysely';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { type Database, openEmbeddedDatabase } from '../../platform/db/database.ts';
import { DataDirInUseError } from '../../platform/db/lock.ts';
import { createS3Store } from '../../platform/storage/s3-store.ts';
import { createAdmin } from '../../test/accounts.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { newDataDir } from '../../test/data-dir.ts';
import { startS3 } from '../../test/s3.ts';
import { type Client, createTask, createWorkspace } from '../../test/workspaces.ts';
import { BackupRefusedError, createBackupService, restoreBackup } from './index.ts';

/**
 * Backups of a real embedded data directory, taken by the app that serves it: while writers run,
 * on the schedule's job, and restored (or refused) into another data directory.
 */
let dir: string;
let remove: () => Promise<void>;
let database: Database;
let ctx: TestApp;
let admin: Client;
let workspaceId: string;
const scratch: string[] = [];

beforeAll(async () => {
  ({ dir, remove } = await newDataDir('migrated'));
  database = await openEmbeddedDatabase(dir);
  ctx = {
    database,
    ...(await buildTestApp(database, {
      DATA_DIR: dir,
      BACKUP_KEEP: '2',
      BACKUP_CRON: '15 3 * * *',
    })),
  };
  admin = await createAdmin(ctx.app, database);
  workspaceId = (await createWorkspace(admin, 'Backed up')).id;
}, 60_000);

afterAll(async () => {
  await ctx?.app.close();
  await database?.close();
  await remove?.();
  for (const d of scratch) await rm(d, { recursive: true, force: true });
});

const newDir = async (prefix: string) => {
  const d = await mkdtemp(path.join(tmpdir(), prefix));
  scratch.push(d);
  return d;
};

const takeBackup = async () => {
  const response = await admin.send('POST', '/api/v1/admin/backups');
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Backup>();
};

const listBackups = async () => (await admin.get('/api/v1/admin/backups')).json<BackupList>();

const ids = async (db: Database, table: 'tasks') =>
  new Set(
    (await sql<{ id: string }>`select id from ${sql.table(table)}`.execute(db.db)).rows.map(
      (r) => r.id,
    ),
  );

describe('a backup taken while the server writes', () => {
  it('restores to exactly what had committed at its snapshot, with 20 writers running', async () => {
    const acked: string[] = [];
    let writing = true;
    const writer = async (n: number) => {
      for (let i = 0; writing; i++) {
        const task = await createTask(admin, workspaceId, { title: `writer ${n} task ${i}` });
        acked.push(task.id);
      }
    };
    const writers = Array.from({ length: 20 }, (_, n) => writer(n));
    while (acked.length < 40) await new Promise((r) => setImmediate(r));
    const ackedBefore = new Set(acked);
    const backup = await takeBackup();
    while (acked.length < ackedBefore.size + 40) await new Promise((r) => setImmediate(r));
    writing = false;
    await Promise.all(writers);

    // Restored elsewhere: the restore itself checks every table's count and checksum against the
    // snapshot's (taken while the backup held the database), and refuses a mismatch.
    const target = await newDir('taskflow-restored-');
    const restored = await restoreBackup(path.join(ctx.config.backups.dir, backup.name), {
      dataDir: target,
      filesDir: path.join(target, 'files'),
    });
    expect(restored.manifest.name).toBe(backup.name);
    const copy = await openEmbeddedDatabase(target);
    try {
      const tasks = await ids(copy, 'tasks');
      // Every write acknowledged before the backup began is in it; writers went on after it.
      for (const id of ackedBefore) expect(tasks.has(id)).toBe(true);
      const all = new Set(acked);
      for (const id of tasks) expect(all.has(id)).toBe(true);
      expect(tasks.size).toBeLessThan(acked.length);
      expect(restored.manifest.tables.tasks?.rows).toBe(tasks.size);
      // A task and its event commit together: none is in the backup without the other.
      const { rows } = await sql<{ orphans: number }>`
        select count(*)::int as orphans from tasks t where not exists (
          select 1 from events e where e.type = 'task.created' and e.payload->'task'->>'id' = t.id::text
          union all
          select 1 from event_outbox o where o.type = 'task.created' and o.payload->'task'->>'id' = t.id::text
        )`.execute(copy.db);
      expect(rows[0]?.orphans).toBe(0);
    } finally {
      await copy.close();
    }
  }, 120_000);

  it('lists backups newest first and serves each one as a download', async () => {
    const list = await listBackups();
    expect(list).toMatchObject({ available: true, schedule: '15 3 * * *', keep: 2 });
    const [newest] = list.items;
    if (!newest) throw new Error('no backup listed');
    const download = await admin.get(`/api/v1/admin/backups/${newest.name}/download`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/gzip');
    expect(download.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(download.rawPayload.length).toBe(newest.bytes);
    for (const name of ['taskflow-20261207T000000Z-00000000.tar.gz', '..%2Fpglite-version'])
      expect((await admin.get(`/api/v1/admin/backups/${name}/download`)).statusCode).toBe(
        name.startsWith('..') ? 400 : 404,
      );
  });
});

describe('the scheduled backup', () => {
  it('is scheduled with BACKUP_CRON, runs as a job and keeps the newest BACKUP_KEEP', async () => {
    const { rows } = await sql<{ cron: string }>`
      select cron from pgboss.schedule where name = 'backups.create'`.execute(database.db);
    expect(rows).toEqual([{ cron: '15 3 * * *' }]);
    const definition = ctx.jobs.queue.definitions().find((d) => d.type === 'backups.create');
    if (!definition) throw new Error('no backups.create job');
    const before = (await listBackups()).items.map((b) => b.name);
    for (let run = 0; run < 3; run++) {
      const id = await ctx.jobs.queue.enqueue(definition, {});
      await expect
        .poll(
          async () =>
            (
              await sql<{ state: string }>`select state from pgboss.job where id = ${id}`.execute(
                database.db,
              )
            ).rows[0]?.state,
          { timeout: 30_000, interval: 100 },
        )
        .toBe('completed');
    }
    const after = await listBackups();
    expect(after.items).toHaveLength(2);
    expect(after.items.every((b) => b.trigger === 'schedule')).toBe(true);
    expect(after.items.some((b) => before.includes(b.name))).toBe(false);
  }, 90_000);
});

describe('a copy in S3-compatible storage', () => {
  it('puts each new backup in BACKUP_S3_BUCKET, and says so when it cannot', async () => {
    const s3 = await startS3();
    try {
      const config = loadConfig({ DATA_DIR: dir, ...s3.env, BACKUP_S3_BUCKET: s3.env.S3_BUCKET });
      const service = createBackupService({ database, config, logger: ctx.app.log as never });
      const backup = await service.create('command');
      if (!config.backups.s3) throw new Error('BACKUP_S3_BUCKET was not read');
      const bucket = createS3Store(config.backups.s3);
      expect(await bucket.size(`backups/${backup.name}`)).toBe(backup.bytes);
      bucket.close();

      const unreachable = loadConfig({
        DATA_DIR: dir,
        ...s3.env,
        S3_ENDPOINT: 'http://127.0.0.1:9',
        BACKUP_S3_BUCKET: s3.env.S3_BUCKET,
      });
      const failing = createBackupService({
        database,
        config: unreachable,
        logger: ctx.app.log as never,
      });
      const error = await failing.create('command').catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      expect((error as Error).message).toMatch(/was taken, but could not be copied to the bucket/);
    } finally {
      await s3.stop();
    }
  }, 60_000);
});

describe('restore refuses', () => {
  /** The newest backup repacked with its manifest changed by `edit`. */
  async function tampered(edit: (manifest: Record<string, unknown>) => void, extra?: string) {
    const [newest] = (await listBackups()).items;
    if (!newest) throw new Error('no backup');
    const work = await newDir('taskflow-tampered-');
    await tar.x({ file: path.join(ctx.config.backups.dir, newest.name), cwd: work });
    const manifest = JSON.parse(await readFile(path.join(work, 'manifest.json'), 'utf8'));
    edit(manifest);
    await writeFile(path.join(work, 'manifest.json'), JSON.stringify(manifest));
    const entries = ['manifest.json', 'pgdata.tar'];
    if (extra) entries.push(extra);
    const file = path.join(work, 'tampered.tar.gz');
    await tar.c({ cwd: work, file, gzip: true, preservePaths: true }, entries);
    return file;
  }

  it('a backup of another PGlite version, naming both, and touches nothing', async () => {
    const file = await tampered((m) => {
      m.pgliteVersion = '0.3.9';
      m.taskflowVersion = '0.0.9';
    });
    const target = await newDir('taskflow-refused-');
    const error = await restoreBackup(file, {
      dataDir: target,
      filesDir: path.join(target, 'files'),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupRefusedError);
    expect((error as Error).message).toMatch(/PGlite 0\.3\.9; this TaskFlow runs PGlite 0\.4\.\d+/);
    expect((error as Error).message).toContain('TaskFlow 0.0.9');
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(target)).toEqual([]);
  });

  it('a backup from a release whose migration this one does not know', async () => {
    const file = await tampered((m) => {
      m.migration = '9999_from_the_future';
    });
    const target = await newDir('taskflow-refused-');
    await expect(
      restoreBackup(file, { dataDir: target, filesDir: path.join(target, 'files') }),
    ).rejects.toThrow(/migration 9999_from_the_future, which this TaskFlow does not know/);
  });

  it('a backup whose tables do not match its manifest, and an archive that is not a backup', async () => {
    const file = await tampered((m) => {
      (m.tables as Record<string, unknown>).tasks = { rows: 1, checksum: '0' };
    });
    const target = await newDir('taskflow-refused-');
    await expect(
      restoreBackup(file, { dataDir: target, filesDir: path.join(target, 'files') }),
    ).rejects.toThrow(/does not match its own manifest \(tables tasks\): it is damaged/);

    const junk = path.join(target, 'junk.tar.gz');
    await writeFile(junk, 'not an archive');
    await expect(restoreBackup(junk, { dataDir: target, filesDir: target })).rejects.toThrow(
      /is not a TaskFlow backup/,
    );
  });

  it('into a data directory a server holds', async () => {
    const [newest] = (await listBackups()).items;
    if (!newest) throw new Error('no backup');
    await expect(
      restoreBackup(path.join(ctx.config.backups.dir, newest.name), {
        dataDir: dir,
        filesDir: ctx.config.files.dir,
      }),
    ).rejects.toBeInstanceOf(DataDirInUseError);
  });
});
