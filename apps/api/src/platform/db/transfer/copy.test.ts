import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigratedTestDatabase } from '../../../test/database.ts';
import { insertTask, insertUser } from '../../../test/sql-data.ts';
import type { Database } from '../database.ts';
import { inForeignKeyOrder, type TableSpec, tablesIn } from './catalog.ts';
import { printCanonically, sumOf } from './checksum.ts';
import { batchesOf, copyTable } from './copy.ts';

/**
 * Rows carried as their text, a batch at a time by primary key (a small batch here), between
 * two databases of the run's kind: what arrives sums as what left, values the JavaScript
 * drivers would change included (microseconds, bytes, a JSON `null`, a generated column).
 */
let source: Database;
let target: Database;
const MOVED = ['users', 'workspaces', 'workspace_members', 'tasks', 'passkeys', 'app_settings'];
let tables: TableSpec[];

beforeAll(async () => {
  [source, target] = [await createMigratedTestDatabase(), await createMigratedTestDatabase()];
  const owner = await insertUser(source.db, 'ada@example.com');
  for (const email of ['bob@example.com', 'cy@example.com']) {
    const { userId } = await insertUser(source.db, email);
    await source.db
      .insertInto('workspace_members')
      .values({ workspace_id: owner.workspaceId, user_id: userId, role: 'member' })
      .execute();
  }
  for (let i = 0; i < 25; i++) {
    await insertTask(source.db, owner, { title: `Task ${i}`, position: `a${i}`, labels: ['x'] });
  }
  await source.db
    .insertInto('passkeys')
    .values({
      user_id: owner.userId,
      credential_id: 'Y3JlZA',
      public_key: new Uint8Array([0, 1, 0xfe, 0xff]),
      transports: ['usb'],
      device_type: 'singleDevice',
      backed_up: false,
      name: 'Key',
      created_at: '2026-01-02T03:04:05.123456Z',
    })
    .execute();
  await source.db
    .insertInto('app_settings')
    .values({ key: 'k', value: 'null', updated_by: owner.userId })
    .execute();
  const all = [...(await tablesIn(source.db, 'public')).values()];
  tables = await inForeignKeyOrder(
    source.db,
    'public',
    all.filter((t) => MOVED.includes(t.name)),
  );
  for (const db of [source.db, target.db]) await printCanonically(db, false);
});
afterAll(async () => {
  await source?.close();
  await target?.close();
});

describe('copying tables', () => {
  it('orders them after the tables they reference', () => {
    const at = (name: string) => tables.findIndex((t) => t.name === name);
    expect(at('users')).toBe(0);
    expect(at('workspaces')).toBeLessThan(at('workspace_members'));
    expect(at('workspace_members')).toBeLessThan(at('tasks'));
  });

  it('reads every row once, a batch at a time in key order, a composite key included', async () => {
    const spec = (name: string) => tables.find((t) => t.name === name) as TableSpec;
    const sizes = async (name: string, size: number) => {
      const seen: number[] = [];
      for await (const batch of batchesOf(source.db, spec(name), size)) seen.push(batch.length);
      return seen;
    };
    expect(await sizes('tasks', 7)).toEqual([7, 7, 7, 4]);
    expect(await sizes('tasks', 5)).toEqual([5, 5, 5, 5, 5]);
    expect(await sizes('workspace_members', 2)).toEqual([2, 2, 1]);
  });

  it('writes what it read: the same count and checksum on both sides', async () => {
    for (const table of tables) await copyTable(source.db, target.db, table, () => undefined, 4);
    for (const table of tables) {
      const [mine, theirs] = [await sumOf(source.db, table), await sumOf(target.db, table)];
      expect(mine.rows, table.name).toBeGreaterThan(0);
      expect(theirs, table.name).toEqual(mine);
    }
    // JSON's null, not SQL's NULL.
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from app_settings where value = 'null'::jsonb`.execute(target.db);
    expect(rows[0]?.n).toBe(1);
  });
});
