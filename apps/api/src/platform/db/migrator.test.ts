import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations/index.ts';
import { createTestDatabase } from '../../test/database.ts';
import type { Database } from './database.ts';
import { isCurrent, migrateDownAll, migrateUp, migrationStatus } from './migrator.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

async function tables() {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_name not like 'kysely_%' order by 1`.execute(
    database.db,
  );
  return rows.map((r) => r.name);
}

describe('migrations', () => {
  it('go up, all the way down, and up again cleanly', async () => {
    const names = Object.keys(migrations);
    expect((await migrateUp(database.db)).map((s) => s.name)).toEqual(names);
    expect(isCurrent(await migrationStatus(database.db))).toBe(true);
    const schema = await tables();
    expect(schema).toContain('users');

    const down = await migrateDownAll(database.db);
    expect(down.map((s) => s.name)).toEqual([...names].reverse());
    expect(await tables()).toEqual([]);
    expect((await migrationStatus(database.db)).every((m) => m.executedAt === null)).toBe(true);

    await migrateUp(database.db);
    expect(await tables()).toEqual(schema);
  });

  it('applying again is a no-op', async () => {
    expect(await migrateUp(database.db)).toEqual([]);
  });

  it('users: emails are unique regardless of case', async () => {
    const user = { name: 'Ada', password_hash: 'x' };
    await database.db
      .insertInto('users')
      .values({ ...user, email: 'ada@example.com' })
      .execute();
    await expect(
      database.db
        .insertInto('users')
        .values({ ...user, email: 'ADA@example.com' })
        .execute(),
    ).rejects.toThrow(/unique|duplicate/i);
  });
});
