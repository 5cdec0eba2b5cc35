import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/database.ts';
import { migrateDown, migrateUp } from '../platform/db/migrator.ts';
import { createTestDatabase } from '../test/database.ts';

/** 0011 counts what a database already holds when it arrives, and nothing twice. */
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('migration 0011_task_counts', () => {
  it('counts the live comments and ready files of existing tasks', async () => {
    await migrateUp(database.db);
    // Back to the schema before 0011 (and whatever came after it).
    for (;;) {
      const [step] = await migrateDown(database.db);
      if (!step || step.name === '0011_task_counts') break;
    }
    const { rows } = await sql<{ task: string; other: string }>`
      with u as (
        insert into users (name, email, password_hash) values ('Ada', 'ada@example.com', 'x')
        returning id
      ), w as (
        insert into workspaces (name, created_by) select 'Team', id from u returning id
      ), t as (
        insert into tasks (workspace_id, title, position)
        select w.id, title, position from w, (values ('Talked', 'a'), ('Quiet', 'b')) v(title, position)
        returning id, title
      )
      select (select id from t where title = 'Talked') as task,
             (select id from t where title = 'Quiet') as other`.execute(database.db);
    const { task, other } = rows[0] ?? { task: '', other: '' };
    await sql`
      insert into task_comments (workspace_id, task_id, body, deleted_at)
      select workspace_id, id, body, deleted from tasks,
        (values ('one', null::timestamptz), ('two', null), ('gone', now())) v(body, deleted)
      where id = ${task}`.execute(database.db);
    await sql`
      insert into task_attachments
        (workspace_id, task_id, name, content_type, size, storage_key, state)
      select workspace_id, id, name, 'application/pdf', 10, gen_random_uuid()::text, state
      from tasks, (values ('a.pdf', 'ready'), ('b.pdf', 'pending')) v(name, state)
      where id = ${task}`.execute(database.db);

    await migrateUp(database.db);
    const counts = await database.db
      .selectFrom('tasks')
      .select(['id', 'comment_count', 'attachment_count'])
      .orderBy('position')
      .execute();
    expect(counts).toEqual([
      { id: task, comment_count: 2, attachment_count: 1 },
      { id: other, comment_count: 0, attachment_count: 0 },
    ]);
  });
});
