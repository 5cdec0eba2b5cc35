import { type Generated, type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openMemoryDatabase } from './database.ts';
import { prepared } from './prepared.ts';

type Notes = { notes: { id: number; owner: string; body: string; created_at: Generated<string> } };

describe('prepared statements', () => {
  let database: Database;
  let db: Kysely<Notes>;
  const compiled: string[] = [];

  beforeAll(async () => {
    database = await openMemoryDatabase((event) => {
      if (event.level === 'query') compiled.push(event.query.sql);
    });
    db = database.db as unknown as Kysely<Notes>;
    await sql`create table notes (id int primary key, owner text not null, body text not null,
      created_at timestamptz not null default '2026-12-06T10:00:00Z')`.execute(db);
    await sql`insert into notes (id, owner, body) values
      (1, 'sam', 'first'), (2, 'sam', 'second'), (3, 'kim', 'third')`.execute(db);
  });
  afterAll(() => database.close());

  let builds = 0;
  const notesOf = prepared(2, (db: Kysely<Notes>, owner: string, after: number) => {
    builds++;
    return (
      db
        .selectFrom('notes')
        .select(['id', 'body', 'created_at'])
        .where('owner', '=', owner)
        .where('id', '>', after)
        // A constant of the statement stays where it was compiled.
        .where('body', '!=', 'never')
        .orderBy('id')
    );
  });

  it('runs one compiled statement with the values of each call, through the plugins', async () => {
    const [sams, kims, none] = await Promise.all([
      notesOf(db, 'sam', 0),
      notesOf(db, 'kim', 0),
      notesOf(db, 'sam', 2),
    ]);
    expect(sams.map((n) => n.body)).toEqual(['first', 'second']);
    expect(kims).toEqual([{ id: 3, body: 'third', created_at: '2026-12-06T10:00:00.000Z' }]);
    expect(none).toEqual([]);
    expect(builds).toBe(1);
    expect(compiled.filter((text) => text.includes('"owner" = $1 and "id" > $2'))).toHaveLength(3);
  });

  it('runs in a transaction on its connection', async () => {
    const seen = await db.transaction().execute(async (trx) => {
      await trx.insertInto('notes').values({ id: 4, owner: 'kim', body: 'fourth' }).execute();
      return notesOf(trx, 'kim', 3);
    });
    expect(seen.map((n) => n.body)).toEqual(['fourth']);
    expect(builds).toBe(1);
  });

  it('refuses a statement that leaves a value unbound or spreads it', async () => {
    const unbound = prepared(2, (db: Kysely<Notes>, owner: string, _unused: string) =>
      db.selectFrom('notes').select('id').where('owner', '=', owner),
    );
    await expect(unbound(db, 'sam', 'x')).rejects.toThrow('binds 1 of its 2 values');
  });
});
