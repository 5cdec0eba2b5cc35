import { randomUUID } from 'node:crypto';
import pg from 'pg';
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
 * A fresh, empty database of its own: an in-memory PGlite, or a new PostgreSQL database that is
 * dropped again on close. Test files never share state.
 */
export async function createTestDatabase(log?: QueryLog): Promise<Database> {
  if (!testDatabaseUrl) return openMemoryDatabase(log);
  const name = `taskflow_test_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
  await adminQuery(testDatabaseUrl, `create database "${name}"`);
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  const database = openPostgresDatabase(url.toString(), loadConfig({}).db, log);
  return {
    ...database,
    kind: 'postgres',
    async close() {
      await database.close();
      await adminQuery(testDatabaseUrl, `drop database if exists "${name}" with (force)`);
    },
  };
}
