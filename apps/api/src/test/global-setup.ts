import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../config.ts';
import {
  type Database,
  openMemoryDatabase,
  openPostgresDatabase,
} from '../platform/db/database.ts';
import { migrateUp } from '../platform/db/migrator.ts';
import { createPostgresTestDatabase } from './database.ts';
import { startIdleJobs } from './idle-jobs.ts';

/** Where each test file's database is copied from. */
export type TestTemplate =
  /**
   * A migrated PGlite data directory, dumped to a tar file; and `emptyFile`, the same directory
   * before any migration (for embedded data directories: see data-dir.ts).
   */
  | { kind: 'pglite'; file: string; emptyFile: string }
  /** A migrated PostgreSQL database on the TEST_DATABASE_URL server. */
  | { kind: 'postgres'; database: string };

declare module 'vitest' {
  interface ProvidedContext {
    testTemplate: TestTemplate;
  }
}

/**
 * Every migration, the job schema and the queues of every job type, as a test app's job system
 * defines them: its start then finds them all in one query.
 */
async function migrated(database: Database) {
  try {
    await migrateUp(database.db);
    const jobs = await startIdleJobs(database, loadConfig({ NODE_ENV: 'test' }));
    await jobs.queue.stop(1_000);
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * Migrates one database for the whole run: each test file's database starts as a copy of it,
 * instead of running every migration and the job schema again. On PGlite a copy loads in about a
 * second where a fresh instance (initdb) takes four; on PostgreSQL it is `create database …
 * template`.
 */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const { url, drop } = await createPostgresTestDatabase(adminUrl);
    const database = openPostgresDatabase(url, loadConfig({}).db);
    await migrated(database);
    await database.close();
    project.provide('testTemplate', { kind: 'postgres', database: new URL(url).pathname.slice(1) });
    return drop;
  }
  const database = await openMemoryDatabase();
  const dir = await mkdtemp(path.join(tmpdir(), 'taskflow-template-'));
  const dump = async (name: string) => {
    if (!database.pglite) throw new Error('an in-memory database is PGlite');
    const file = path.join(dir, name);
    const tar = await database.pglite.dumpDataDir('none');
    await writeFile(file, Buffer.from(await tar.arrayBuffer()));
    return file;
  };
  const emptyFile = await dump('empty.tar');
  await migrated(database);
  const file = await dump('migrated.tar');
  await database.close();
  project.provide('testTemplate', { kind: 'pglite', file, emptyFile });
  return () => rm(dir, { recursive: true, force: true });
}
