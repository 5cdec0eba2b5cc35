import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../../test/accounts.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { newDataDir } from '../../test/data-dir.ts';
import { type Client, createTask, createWorkspace } from '../../test/workspaces.ts';
import { type Database, openEmbeddedDatabase } from './database.ts';
import { serveOverSocket } from './socket-server.ts';

/**
 * The embedded database served over a Unix socket while the app writes to it: a client's
 * transaction and the app's never mix, whichever rolls back.
 */
let dir: string;
let remove: () => Promise<void>;
let database: Database;
let ctx: TestApp;
let admin: Client;
let workspaceId: string;
let socket: { close(): Promise<void> };

beforeAll(async () => {
  ({ dir, remove } = await newDataDir('migrated'));
  database = await openEmbeddedDatabase(dir);
  ctx = { database, ...(await buildTestApp(database, { DATA_DIR: dir })) };
  admin = await createAdmin(ctx.app, database);
  workspaceId = (await createWorkspace(admin, 'Shared')).id;
  if (!database.pglite) throw new Error('no PGlite');
  socket = await serveOverSocket(database.pglite, database.db, dir, ctx.app.log as never);
}, 60_000);

afterAll(async () => {
  await socket?.close();
  await ctx?.app.close();
  await database?.close();
  await remove?.();
});

const connect = async () => {
  const client = new pg.Client({ host: dir, user: 'postgres', database: 'postgres' });
  await client.connect();
  return client;
};

const countTasks = async () =>
  (await sql<{ n: number }>`select count(*)::int as n from tasks`.execute(database.db)).rows[0]?.n;

describe('the database socket of a running embedded server', () => {
  it("keeps the app's writes out of a client's transaction that rolls back", async () => {
    const client = await connect();
    try {
      const before = await countTasks();
      await client.query('begin');
      await client.query(
        "insert into app_settings (key, value) values ('socket-test', '\"rolled back\"')",
      );
      // 20 writes by the app while the client's transaction is open: they wait for it.
      const writes = Array.from({ length: 20 }, (_, i) =>
        createTask(admin, workspaceId, { title: `during ${i}` }),
      );
      const { rows } = await client.query<{ n: string }>(
        "select count(*) as n from app_settings where key = 'socket-test'",
      );
      expect(rows[0]?.n).toBe('1');
      await client.query('rollback');
      const created = await Promise.all(writes);
      expect(created).toHaveLength(20);
      expect(await countTasks()).toBe((before ?? 0) + 20);
      const left = await sql<{ n: number }>`
        select count(*)::int as n from app_settings where key = 'socket-test'`.execute(database.db);
      expect(left.rows[0]?.n).toBe(0);
    } finally {
      await client.end();
    }
  }, 60_000);

  it("keeps a client's committed transaction whole while the app writes, with parameters", async () => {
    const clients = await Promise.all([connect(), connect()]);
    try {
      const before = await countTasks();
      const writes = Array.from({ length: 20 }, (_, i) =>
        createTask(admin, workspaceId, { title: `beside ${i}` }),
      );
      await Promise.all(
        clients.map(async (client, n) => {
          for (let i = 0; i < 5; i++) {
            await client.query('begin');
            await client.query('insert into app_settings (key, value) values ($1, $2)', [
              `socket-${n}-${i}`,
              JSON.stringify(i),
            ]);
            await client.query('commit');
          }
        }),
      );
      await Promise.all(writes);
      expect(await countTasks()).toBe((before ?? 0) + 20);
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from app_settings where key like 'socket-%-%'`.execute(
        database.db,
      );
      expect(rows[0]?.n).toBe(10);
      // The app still serves: nothing was left holding the database.
      expect((await ctx.app.inject({ url: '/ready' })).statusCode).toBe(200);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
  }, 60_000);
});
