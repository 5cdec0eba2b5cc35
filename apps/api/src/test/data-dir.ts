import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { loadConfig } from '../config.ts';
import type { JobSystem } from '../job-system.ts';
import { type Database, openEmbeddedDatabase } from '../platform/db/database.ts';
import { pgliteVersion } from '../platform/db/pglite.ts';
import { startIdleJobs } from './idle-jobs.ts';

/**
 * A new embedded data directory as TaskFlow's first open leaves it, `empty` (initialized, no
 * migration) or `migrated` (every migration, the job schema and queues): a copy of the run's
 * template (global-setup.ts), which takes a second where initializing one takes seven. Removed
 * again by `remove`.
 */
export async function newDataDir(content: 'empty' | 'migrated') {
  const template = inject('testTemplate');
  if (template.kind !== 'pglite') throw new Error('embedded data directories need a PGlite run');
  const dir = await mkdtemp(path.join(tmpdir(), `taskflow-${content}-`));
  const tar = await readFile(content === 'empty' ? template.emptyFile : template.file);
  const pglite = await PGlite.create(path.join(dir, 'pgdata'), { loadDataDir: new Blob([tar]) });
  await pglite.close();
  await writeFile(path.join(dir, 'pglite-version'), `${await pgliteVersion()}\n`);
  return { dir, env: { DATA_DIR: dir }, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Opens an embedded data directory in the test process, with its job system started and running
 * nothing, to arrange what a CLI process then reads; closes it (and its lock) when `work` is done.
 */
export async function withDataDir<T>(
  dir: string,
  work: (ctx: { database: Database; jobs: JobSystem }) => Promise<T>,
): Promise<T> {
  const database = await openEmbeddedDatabase(dir);
  try {
    const jobs = await startIdleJobs(database, loadConfig({ DATA_DIR: dir }));
    try {
      return await work({ database, jobs });
    } finally {
      await jobs.queue.stop(1_000);
    }
  } finally {
    await database.close();
  }
}
