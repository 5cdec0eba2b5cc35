import { createReadStream, existsSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { BACKUP_NAME, Backup, type BackupList, type BackupTrigger } from '@taskflow/contract';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Database } from '../../platform/db/database.ts';
import { DomainError, NotFoundError } from '../../platform/errors.ts';
import { createS3Store } from '../../platform/storage/s3-store.ts';
import { takeBackup } from './backup-archive.ts';

/**
 * A copy of a new backup in `BACKUP_S3_BUCKET`, under `backups/<name>`: the disk may be lost
 * with the server. Removing old copies is the bucket's lifecycle rules' job.
 */
async function copyToBucket(bucket: S3Settings, file: string, backup: Backup) {
  const store = createS3Store(bucket);
  try {
    await store.put(
      `backups/${backup.name}`,
      { path: file },
      {
        size: backup.bytes,
        contentType: 'application/gzip',
      },
    );
  } catch (error) {
    throw new DomainError('SERVICE_UNAVAILABLE', {
      detail: `The backup ${backup.name} was taken, but could not be copied to the bucket ${bucket.bucket}: ${(error as Error).message}`,
    });
  } finally {
    store.close();
  }
}

type S3Settings = NonNullable<Config['backups']['s3']>;

type Deps = { database: Database; config: Config; logger: Logger };

/** One backup at a time per backup directory, whoever asks (an admin, the schedule, the CLI). */
const inProgress = new Set<string>();

async function readListed(dir: string, name: string): Promise<Backup | undefined> {
  try {
    const parsed = Backup.safeParse(
      JSON.parse(await readFile(path.join(dir, `${name}.json`), 'utf8')),
    );
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Backups of the embedded database into `BACKUP_DIR` (default `DATA_DIR/backups`): taken on
 * demand or on `BACKUP_CRON`, listed newest first, downloaded, pruned to `BACKUP_KEEP`. In
 * cluster mode there are none: PostgreSQL is backed up with its own tools.
 */
export function createBackupService({ database, config, logger }: Deps) {
  const settings = config.backups;
  const dir = settings.dir;
  // An embedded database on disk; PGlite in memory (tests, tools) has nothing to back up.
  const dataDir = database.dataDir;
  const available = dataDir !== undefined;

  async function listed(): Promise<Backup[]> {
    if (!existsSync(dir)) return [];
    const names = (await readdir(dir)).filter((n) => BACKUP_NAME.test(n));
    const backups = await Promise.all(names.map((n) => readListed(dir, n)));
    return backups
      .filter((b): b is Backup => b !== undefined)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
  }

  /** Removes the oldest backups beyond `BACKUP_KEEP`; the names removed. */
  async function prune(): Promise<string[]> {
    const old = (await listed()).slice(settings.keep);
    for (const backup of old) {
      await rm(path.join(dir, backup.name), { force: true });
      await rm(path.join(dir, `${backup.name}.json`), { force: true });
    }
    if (old.length > 0) logger.info({ removed: old.map((b) => b.name) }, 'old backups removed');
    return old.map((b) => b.name);
  }

  return {
    available,

    async list(): Promise<BackupList> {
      return {
        available,
        schedule: settings.cron ?? null,
        keep: settings.keep,
        items: available ? await listed() : [],
      };
    },

    /** Takes a backup now, then prunes; refused while another one is being taken. */
    async create(trigger: z.infer<typeof BackupTrigger>): Promise<Backup> {
      if (dataDir === undefined) throw new DomainError('BACKUPS_UNAVAILABLE');
      if (inProgress.has(dir)) throw new DomainError('BACKUP_IN_PROGRESS');
      inProgress.add(dir);
      try {
        const started = performance.now();
        const { path: file, ...backup } = await takeBackup(
          database,
          { dataDir, filesDir: config.files.dir, backupsDir: dir },
          trigger,
        );
        logger.info(
          {
            backup: backup.name,
            bytes: backup.bytes,
            rows: backup.rows,
            trigger,
            ms: Math.round(performance.now() - started),
          },
          'backup taken',
        );
        if (settings.s3) await copyToBucket(settings.s3, file, backup);
        await prune();
        return backup;
      } finally {
        inProgress.delete(dir);
      }
    },

    /** A backup's file, to download. */
    async open(name: string) {
      if (!available || !BACKUP_NAME.test(name)) throw new NotFoundError('backup');
      const file = path.join(dir, name);
      const listedBackup = await readListed(dir, name);
      const size = await stat(file).then(
        (s) => s.size,
        () => undefined,
      );
      if (!listedBackup || size === undefined) throw new NotFoundError('backup');
      return { name, bytes: size, stream: createReadStream(file) };
    },

    prune,
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
