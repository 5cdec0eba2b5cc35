import { existsSync } from 'node:fs';
import { cp, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { migrations } from '../../db/migrations/index.ts';
import { openEmbeddedDatabase } from '../../platform/db/database.ts';
import { acquireLock } from '../../platform/db/lock.ts';
import { pgliteLine, pgliteVersion } from '../../platform/db/pglite.ts';
import { tableSums } from '../../platform/db/snapshot.ts';
import {
  type BackupManifest,
  BackupRefusedError,
  extractPgdata,
  unpackBackup,
  unpackedFiles,
  utcStamp,
} from './backup-archive.ts';

type Restored = {
  manifest: BackupManifest;
  /** Where the data that was replaced now is (kept until the operator removes it). */
  keptAside: string[];
};

/** Why this TaskFlow cannot restore a backup, or nothing if it can. */
async function refusal(m: BackupManifest): Promise<string | undefined> {
  const running = await pgliteVersion();
  if (pgliteLine(m.pgliteVersion) !== pgliteLine(running)) {
    return (
      `the backup ${m.name} was taken by TaskFlow ${m.taskflowVersion} with PGlite ${m.pgliteVersion}; ` +
      `this TaskFlow runs PGlite ${running}, which cannot open that database. Restore it with ` +
      `TaskFlow ${m.taskflowVersion}, then upgrade (or move it with \`taskflow export\`).`
    );
  }
  if (m.migration !== '' && !(m.migration in migrations)) {
    return (
      `the backup ${m.name} was taken by TaskFlow ${m.taskflowVersion} at migration ${m.migration}, ` +
      'which this TaskFlow does not know: restore it with that release or a later one.'
    );
  }
  return undefined;
}

/** Moves `from` to `to`, copying where they are on different file systems. */
async function move(from: string, to: string) {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}

/**
 * Restores a backup into `dataDir` with the server stopped (the data directory's lock is taken:
 * a running server is named and nothing is touched). The backup is unpacked and checked first —
 * its PGlite line and migration must be this TaskFlow's, and every table must count and sum as
 * at the snapshot — and only then does it replace the database (and the attachments, if it holds
 * any); what it replaces is kept aside, renamed, not deleted.
 */
export async function restoreBackup(
  file: string,
  where: { dataDir: string; filesDir: string },
): Promise<Restored> {
  if (!existsSync(file)) throw new BackupRefusedError(`no such file: ${file}`);
  const lock = acquireLock(path.join(where.dataDir, 'taskflow.lock'), where.dataDir);
  const staging = await mkdtemp(path.join(where.dataDir, '.restoring-'));
  try {
    const manifest = await unpackBackup(file, staging);
    const refused = await refusal(manifest);
    if (refused) throw new BackupRefusedError(refused);

    // Opened where it was unpacked: every table must match the snapshot's count and checksum.
    const candidate = path.join(staging, 'candidate');
    await extractPgdata(staging, candidate);
    await writeFile(path.join(candidate, 'pglite-version'), `${await pgliteVersion()}\n`);
    const database = await openEmbeddedDatabase(candidate);
    let sums: Awaited<ReturnType<typeof tableSums>>;
    try {
      sums = await tableSums(database.db);
    } finally {
      await database.close();
    }
    const damaged = Object.entries(manifest.tables)
      .filter(
        ([name, sum]) => sums[name]?.rows !== sum.rows || sums[name]?.checksum !== sum.checksum,
      )
      .map(([name]) => name);
    if (damaged.length > 0) {
      throw new BackupRefusedError(
        `the backup ${manifest.name} does not match its own manifest (tables ${damaged.join(', ')}): it is damaged`,
      );
    }

    const keptAside: string[] = [];
    const aside = utcStamp(new Date());
    const pgdata = path.join(where.dataDir, 'pgdata');
    if (existsSync(pgdata)) {
      keptAside.push(`${pgdata}.before-restore-${aside}`);
      await rename(pgdata, `${pgdata}.before-restore-${aside}`);
    }
    await rename(path.join(candidate, 'pgdata'), pgdata);
    await writeFile(path.join(where.dataDir, 'pglite-version'), `${await pgliteVersion()}\n`);
    const files = unpackedFiles(staging);
    if (files) {
      if (existsSync(where.filesDir)) {
        keptAside.push(`${where.filesDir}.before-restore-${aside}`);
        await move(where.filesDir, `${where.filesDir}.before-restore-${aside}`);
      }
      await move(files, where.filesDir);
    }
    return { manifest, keptAside };
  } finally {
    await rm(staging, { recursive: true, force: true });
    lock.release();
  }
}
