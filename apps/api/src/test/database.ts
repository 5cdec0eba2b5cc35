import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig } from '../config.ts';
import {
  type Database,
  openMemoryDatabase,
  openPostgresDatabase,
  type QueryLog,
} from '../platform/db/database.ts';
import { migrateUp } from '../platform/db/migrator.ts';

/** Where the integration suite runs: PostgreSQL when TEST_DATABASE_URL is set, else PGlite. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL;

async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * Drops a test database once the pool's connections have closed: the pool's `end()` resolves
 * before their sockets do, and forcing the drop then would make the closing clients throw.
 */
async function dropWhenDisconnected(adminUrl: string, name: string) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const dropped = await adminQuery(adminUrl, `drop database if exists "${name}"`).then(
      () => true,
      (error: { code?: string }) => {
        // 55006: the database is still being accessed by other users.
        if (error.code !== '55006') throw error;
        return false;
      },
    );
    if (dropped) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await adminQuery(adminUrl, `drop database if exists "${name}" with (force)`);
}

/** A new, empty PostgreSQL database on the TEST_DATABASE_URL server: its URL, and its drop. */
export async function createPostgresTestDatabase(adminUrl: string) {
  const name = `taskflow_test_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
  await adminQuery(adminUrl, `create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => dropWhenDisconnected(adminUrl, name) };
}

/**
 * A fresh, empty database of its own: an in-memory PGlite, or a new PostgreSQL database that is
 * dropped again on close. Test files never share state.
 */
export async function createTestDatabase(log?: QueryLog): Promise<Database> {
  if (!testDatabaseUrl) return openMemoryDatabase(log);
  const { url, drop } = await createPostgresTestDatabase(testDatabaseUrl);
  const database = openPostgresDatabase(url, loadConfig({}).db, log);
  return {
    ...database,
    kind: 'postgres',
    async close() {
      await database.close();
      await drop();
    },
  };
}

/**
 * A fresh database of its own with every migration and the job schema applied: on PGlite a copy
 * of the run's migrated template (see global-setup.ts), on PostgreSQL a new database migrated.
 */
export async function createMigratedTestDatabase(log?: QueryLog): Promise<Database> {
  const template = inject('pgliteTemplate');
  if (!testDatabaseUrl && template) {
    return openMemoryDatabase(log, new Blob([await readFile(template)]));
  }
  const database = await createTestDatabase(log);
  await migrateUp(database.db);
  return database;
}
