/**
 * Databases of a local cluster on the PostgreSQL server at a URL: one kept between runs of
 * `npm run cluster`, or a throwaway one per test:cluster run.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The same server and credentials, another database. */
function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  // The maintenance database: always there, and never the one being created or dropped.
  const client = new pg.Client({
    connectionString: databaseUrl(serverUrl, 'postgres'),
    connectionTimeoutMillis: 5_000,
  });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `cannot reach PostgreSQL at ${new URL(serverUrl).host}: ${(error as Error).message}`,
    );
  }
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const identifier = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  return `"${name}"`;
};

/** Creates the database unless it exists; returns its URL. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  await onServer(serverUrl, async (client) => {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount === 0) await client.query(`create database ${identifier(name)}`);
  });
  return databaseUrl(serverUrl, name);
}

/** A new, empty database named `<prefix>_<random>`. */
export async function createScratchDatabase(
  serverUrl: string,
  prefix: string,
): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await onServer(serverUrl, (client) => client.query(`create database ${identifier(name)}`));
  return { name, url: databaseUrl(serverUrl, name) };
}

/** Drops the database, closing whatever connections a killed process left behind. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await onServer(serverUrl, (client) =>
    client.query(`drop database if exists ${identifier(name)} with (force)`),
  );
}
