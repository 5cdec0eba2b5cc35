import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { OperatorError } from '../operator-error.ts';
import { acquireLock } from './lock.ts';

export class DataDirVersionError extends OperatorError {
  constructor(dataDir: string, found: string, expected: string) {
    super(
      `data directory ${dataDir} was written by PGlite ${found}; this TaskFlow runs PGlite ${expected}, ` +
        'which cannot open it. Export the data with the matching version, or use a new DATA_DIR.',
    );
    this.name = 'DataDirVersionError';
  }
}

/**
 * Where a running embedded server serves its database to operator commands: the socket `pg`
 * finds for `host=<DATA_DIR>` (PostgreSQL's own name for it).
 */
export const pgSocketPath = (dataDir: string) => path.join(dataDir, '.s.PGSQL.5432');

/** The PGlite this TaskFlow runs (its package's version). */
export async function pgliteVersion(): Promise<string> {
  const entry = fileURLToPath(import.meta.resolve('@electric-sql/pglite'));
  const pkg = JSON.parse(await readFile(path.join(entry, '../../package.json'), 'utf8'));
  return pkg.version as string;
}

/** PGlite data directories are compatible within one minor line (0.x): 0.4 cannot open 0.5's. */
export const pgliteLine = (version: string) => version.split('.').slice(0, 2).join('.');

/**
 * PostgreSQL's settings for the embedded server. PGlite starts with 128 MB of shared buffers,
 * which a process serving a small team fills with pages the operating system caches anyway:
 * 16 MB cut the idle process by about 160 MiB (docs/decisions/0038-small-server-and-backups.md).
 */
export const EMBEDDED_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/**
 * V8's setting for the embedded server (`serve` sets it): V8 grows the young generation up to
 * 128 MiB on a machine of this size, and keeps those pages; at its first size it costs more
 * collections, not memory (docs/decisions/0038-small-server-and-backups.md).
 */
export const EMBEDDED_V8_FLAGS = '--semi-space-growth-factor=1';

/**
 * Opens the embedded database in `dataDir`: takes the exclusive lock first, then checks the
 * PGlite version recorded in the directory, then opens it (creating it on first run).
 */
export async function openPglite(dataDir: string) {
  await mkdir(dataDir, { recursive: true });
  const lock = acquireLock(path.join(dataDir, 'taskflow.lock'), dataDir);
  try {
    const expected = await pgliteVersion();
    const versionFile = path.join(dataDir, 'pglite-version');
    const pgdata = path.join(dataDir, 'pgdata');
    if (existsSync(versionFile)) {
      const found = (await readFile(versionFile, 'utf8')).trim();
      if (pgliteLine(found) !== pgliteLine(expected))
        throw new DataDirVersionError(dataDir, found, expected);
    } else if (existsSync(pgdata)) {
      throw new DataDirVersionError(dataDir, 'unknown', expected);
    }
    const pglite = await PGlite.create(pgdata, { startParams: EMBEDDED_START_PARAMS });
    await writeFile(versionFile, `${expected}\n`);
    return { pglite, lock };
  } catch (error) {
    lock.release();
    throw error;
  }
}
