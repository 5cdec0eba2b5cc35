import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, expect } from 'vitest';
import { loadConfig } from '../config.ts';
import { type Database, openPostgresDatabase } from '../platform/db/database.ts';
import { runCli } from './cli.ts';
import { createPostgresTestDatabase, testDatabaseUrl } from './database.ts';
import { readyLater } from './ready-later.ts';

/**
 * A PostgreSQL database of the file's own on the TEST_DATABASE_URL server, migrated by
 * `taskflow migrate up` as a cluster's is, for `taskflow` processes the tests start: those pushed
 * to `spawned` are killed, and the database dropped, after the tests. For `describe.runIf
 * (testDatabaseUrl)` blocks.
 */
export function useClusterDatabase() {
  const spawned: ChildProcess[] = [];
  const cluster = readyLater<{ url: string; database: Database }>('the cluster database');
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const made = await createPostgresTestDatabase(testDatabaseUrl ?? '');
    drop = made.drop;
    const migrate = await runCli(['migrate', 'up'], { DATABASE_URL: made.url });
    expect(migrate.code, migrate.stderr).toBe(0);
    cluster.ready({ url: made.url, database: openPostgresDatabase(made.url, loadConfig({}).db) });
  }, 60_000);
  afterAll(async () => {
    for (const child of spawned) child.kill('SIGKILL');
    await cluster.current?.database.close();
    await drop?.();
  });
  return { cluster: cluster.value, spawned };
}
