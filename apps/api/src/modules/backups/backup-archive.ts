import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Backup, BackupTrigger } from '@taskflow/contract';
import { BackupName } from '@taskflow/contract';
import * as tar from 'tar';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.ts';
import { pgliteVersion } from '../../platform/db/pglite.ts';
import { checkpoint, lastMigration, tableSums } from '../../platform/db/snapshot.ts';
import { OperatorError } from '../../platform/operator-error.ts';
import { version } from '../../version.ts';

const Count = z.int().min(0).max(Number.MAX_SAFE_INTEGER);

/** What a backup holds besides the data: read before anything is restored. */
export const BackupManifest = z.object({
  format: z.literal(1),
  name: BackupName,
  createdAt: z.iso.datetime(),
  trigger: z.enum(['manual', 'schedule', 'command']),
  taskflowVersion: z.string().max(40),
  pgliteVersion: z.string().max(40),
  migration: z.string().max(100),
  /** Every table of TaskFlow's schema at the snapshot: rows and checksum (platform/db/transfer). */
  tables: z.record(z.string().max(100), z.object({ rows: Count, checksum: z.string().max(64) })),
  files: Count,
});
export type BackupManifest = z.infer<typeof BackupManifest>;

/** The archive's entries: the manifest, the database's files as one tar, the attachments. */
const MANIFEST = 'manifest.json';
const PGDATA_TAR = 'pgdata.tar';
const FILES = 'files';

/** A new backup's name: its UTC time to the second and a random suffix. */
function newName(at: Date) {
  return `taskflow-${utcStamp(at)}-${randomBytes(4).toString('hex')}.tar.gz`;
}

/** A time as `20261207T130333Z`: UTC to the second, fit for a file name. */
export const utcStamp = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

async function countFiles(dir: string): Promise<number> {
  if (!existsSync(dir)) return 0;
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).length;
}

/** Packs `entries` of `cwd` into the gzipped tar `file`, on a worker thread (pack.worker.ts). */
async function packOffThread(job: { cwd: string; entries: string[]; file: string }) {
  const worker = new Worker(new URL('./pack.worker.ts', import.meta.url), { workerData: job });
  let failure: unknown;
  worker.once('error', (error) => {
    failure = error;
  });
  const [code] = (await once(worker, 'exit')) as [number];
  if (failure || code !== 0) throw failure ?? new Error(`packing ${job.file} failed (${code})`);
}

type Snapshot = { dataDir: string; filesDir: string; backupsDir: string };

/**
 * Takes a backup of the embedded database while it serves. Holding the database's only
 * connection (every request and job waits, none is inside a transaction), it checkpoints, counts
 * and sums every table and copies the data directory's files as they are: a consistent image of
 * what had committed. Then, without the connection, the attachments are added and the archive is
 * compressed into `backupsDir`, named only once complete.
 */
export async function takeBackup(
  database: Database,
  where: Snapshot,
  trigger: z.infer<typeof BackupTrigger>,
): Promise<Backup & { path: string }> {
  if (database.kind !== 'pglite') throw new Error('backups are taken of the embedded database');
  await mkdir(where.backupsDir, { recursive: true });
  const staging = await mkdtemp(path.join(where.backupsDir, '.taking-'));
  try {
    const createdAt = new Date();
    const snapshot = await database.db.connection().execute(async (db) => {
      await checkpoint(db);
      const tables = await tableSums(db);
      const migration = await lastMigration(db);
      await tar.c({ cwd: where.dataDir, file: path.join(staging, PGDATA_TAR), portable: true }, [
        'pgdata',
      ]);
      return { tables, migration };
    });
    const name = newName(createdAt);
    const files = await countFiles(where.filesDir);
    const manifest: BackupManifest = {
      format: 1,
      name,
      createdAt: createdAt.toISOString(),
      trigger,
      taskflowVersion: version,
      pgliteVersion: await pgliteVersion(),
      migration: snapshot.migration,
      tables: snapshot.tables,
      files,
    };
    await writeFile(path.join(staging, MANIFEST), JSON.stringify(manifest, null, 2));
    const entries = [MANIFEST, PGDATA_TAR];
    if (files > 0) {
      await symlink(where.filesDir, path.join(staging, FILES));
      entries.push(FILES);
    }
    const target = path.join(where.backupsDir, name);
    await packOffThread({ cwd: staging, entries, file: `${target}.partial` });
    const bytes = (await stat(`${target}.partial`)).size;
    const backup = describe(manifest, bytes);
    await writeFile(`${target}.json`, JSON.stringify(backup));
    await rename(`${target}.partial`, target);
    return { ...backup, path: target };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** What the API lists of a backup. */
export function describe(manifest: BackupManifest, bytes: number): Backup {
  const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
  return {
    name: manifest.name,
    createdAt: manifest.createdAt,
    bytes,
    trigger: manifest.trigger,
    taskflowVersion: manifest.taskflowVersion,
    pgliteVersion: manifest.pgliteVersion,
    migration: manifest.migration,
    rows,
    files: manifest.files,
  };
}

export class BackupRefusedError extends OperatorError {
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefusedError';
  }
}

/** Entries a backup may hold; anything else (an absolute path, `..`, a link) is refused. */
function allowedEntry(entryPath: string, type: string) {
  const clean = path.posix.normalize(entryPath);
  if (clean.startsWith('..') || path.posix.isAbsolute(clean)) return false;
  if (type !== 'File' && type !== 'Directory') return false;
  const top = clean.split('/')[0];
  return top === MANIFEST || top === PGDATA_TAR || top === FILES;
}

/**
 * Unpacks a backup into `into` (a new directory) and reads its manifest; refuses an archive that
 * is not a TaskFlow backup, or whose entries would land outside `into`.
 */
export async function unpackBackup(file: string, into: string): Promise<BackupManifest> {
  await mkdir(into, { recursive: true });
  let refused: string | undefined;
  try {
    await tar.x({
      file,
      cwd: into,
      strict: true,
      filter: (entryPath, entry) => {
        const ok = allowedEntry(entryPath, 'type' in entry ? entry.type : 'File');
        if (!ok) refused ??= entryPath;
        return ok;
      },
    });
  } catch (error) {
    throw new BackupRefusedError(
      `${file} is not a TaskFlow backup (${(error as Error).message.split('\n')[0]})`,
    );
  }
  if (refused !== undefined)
    throw new BackupRefusedError(`${file} holds an entry a backup does not: ${refused}`);
  const raw = await readFile(path.join(into, MANIFEST), 'utf8').catch(() => undefined);
  const manifest = raw === undefined ? undefined : BackupManifest.safeParse(safeJson(raw));
  if (!manifest?.success || !existsSync(path.join(into, PGDATA_TAR)))
    throw new BackupRefusedError(`${file} is not a TaskFlow backup (no valid ${MANIFEST})`);
  return manifest.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The database's files of an unpacked backup, extracted into `dataDir/pgdata`. */
export async function extractPgdata(unpacked: string, dataDir: string) {
  await mkdir(dataDir, { recursive: true });
  await tar.x({
    file: path.join(unpacked, PGDATA_TAR),
    cwd: dataDir,
    strict: true,
    filter: (entryPath) => path.posix.normalize(entryPath).split('/')[0] === 'pgdata',
  });
}

/** The attachments of an unpacked backup, if it holds any. */
export const unpackedFiles = (unpacked: string) => {
  const dir = path.join(unpacked, FILES);
  return existsSync(dir) ? dir : undefined;
};
