import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openMemoryDatabase } from '../platform/db/database.ts';
import { migrateUp } from '../platform/db/migrator.ts';
import { installJobSchema } from '../platform/queue/boss.ts';

declare module 'vitest' {
  interface ProvidedContext {
    /** A migrated PGlite data directory (tar), copied by each test file; null on PostgreSQL. */
    pgliteTemplate: string | null;
  }
}

/**
 * Migrates one in-memory PGlite for the whole run and dumps it: starting a test file's database
 * from that copy takes about a second, where a fresh one (initdb, every migration, the job
 * schema) takes several.
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('pgliteTemplate', null);
    return;
  }
  const database = await openMemoryDatabase();
  let dump: Blob;
  try {
    await migrateUp(database.db);
    await installJobSchema(database);
    if (!database.pglite) throw new Error('an in-memory database is PGlite');
    dump = await database.pglite.dumpDataDir('none');
  } finally {
    await database.close();
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'taskflow-template-'));
  const file = path.join(dir, 'migrated.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return () => rm(dir, { recursive: true, force: true });
}
