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
 * Runs an admin statement on a database that may still be in use (55006: accessed by other
 * users), again every 100 ms for 5 s: true once it ran, false if the database stayed in use.
 */
async function whenNotInUse(adminUrl: string, text: string): Promise<boolean> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const ran = await adminQuery(adminUrl, text).then(
      () => true,
      (error: { code?: string }) => {
        if (error.code !== '55006') throw error;
        return false;
      },
    );
    if (ran) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/**
 * Drops a test database once the pool's connections have closed: the pool's `end()` resolves
 * before their sockets do, and forcing the drop then would make the closing clients throw.
 */
async function dropWhenDisconnected(adminUrl: string, name: string) {
  if (await whenNotInUse(adminUrl, `drop database if exists "${name}"`)) return;
  await adminQuery(adminUrl, `drop database if exists "${name}" with (force)`);
}

/**
 * A new PostgreSQL database on the TEST_DATABASE_URL server, empty or a copy of `template`: its
 * URL, and its drop. A copy waits for the template's last connections to close.
 */
export async function createPostgresTestDatabase(adminUrl: string, template?: string) {
  const name = `taskflow_test_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
  const from = template ? ` template "${template}"` : '';
  if (!(await whenNotInUse(adminUrl, `create database "${name}"${from}`))) {
    throw new Error(`the template database ${template} stayed in use`);
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => dropWhenDisconnected(adminUrl, name) };
}

/** A PostgreSQL test database, dropped again on close. */
async function openPostgresTestDatabase(adminUrl: string, log?: QueryLog, template?: string) {
  const { url, drop } = await createPostgresTestDatabase(adminUrl, template);
  const database = openPostgresDatabase(url, loadConfig({}).db, log);
  return {
    ...database,
    kind: 'postgres' as const,
    async close() {
      await database.close();
      await drop();
    },
  };
}

/**
 * A fresh, empty database of its own: an in-memory PGlite (a copy of the run's empty template,
 * see global-setup.ts), or a new PostgreSQL database that is dropped again on close. Test files
 * never share state.
 */
export async function createTestDatabase(log?: QueryLog): Promise<Database> {
  const template = inject('testTemplate');
  if (template.kind === 'pglite') {
    return openMemoryDatabase(log, new Blob([await readFile(template.emptyFile)]));
  }
  if (!testDatabaseUrl) throw new Error('a PostgreSQL template needs TEST_DATABASE_URL');
  return openPostgresTestDatabase(testDatabaseUrl, log);
}

/**
 * A fresh database of its own with every migration and the job schema applied: a copy of the
 * run's migrated template (see global-setup.ts).
 */
export async function createMigratedTestDatabase(log?: QueryLog): Promise<Database> {
  const template = inject('testTemplate');
  if (template.kind === 'pglite') {
    return openMemoryDatabase(log, new Blob([await readFile(template.file)]));
  }
  if (!testDatabaseUrl) throw new Error('a PostgreSQL template needs TEST_DATABASE_URL');
  return openPostgresTestDatabase(testDatabaseUrl, log, template.database);
}
