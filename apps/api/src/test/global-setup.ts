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
import { installJobSchema } from '../platform/queue/boss.ts';
import { createPostgresTestDatabase } from './database.ts';

/** Where each test file's database is copied from. */
export type TestTemplate =
  /** A migrated PGlite data directory, dumped to a tar file. */
  | { kind: 'pglite'; file: string }
  /** A migrated PostgreSQL database on the TEST_DATABASE_URL server. */
  | { kind: 'postgres'; database: string };

declare module 'vitest' {
  interface ProvidedContext {
    testTemplate: TestTemplate;
  }
}

async function migrated(database: Database) {
  try {
    await migrateUp(database.db);
    await installJobSchema(database);
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
  await migrated(database);
  if (!database.pglite) throw new Error('an in-memory database is PGlite');
  const dump = await database.pglite.dumpDataDir('none');
  await database.close();
  const dir = await mkdtemp(path.join(tmpdir(), 'taskflow-template-'));
  const file = path.join(dir, 'migrated.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('testTemplate', { kind: 'pglite', file });
  return () => rm(dir, { recursive: true, force: true });
}
