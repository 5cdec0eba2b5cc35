import type { LogEvent } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { insertPersonalWorkspace } from '../modules/auth/index.ts';
import type { Database } from '../platform/db/database.ts';
import { createMigratedTestDatabase } from './database.ts';
import { readyLater } from './ready-later.ts';

/**
 * A migrated test database that records the SQL of every statement, for snapshots of what each
 * repository method sends (so that a query change shows as a SQL diff in review).
 */
export function useSqlRecorder() {
  const recorded: string[] = [];
  const database = readyLater<Database>('the recorded database');
  const sections: string[] = [];
  const log = (event: LogEvent) => {
    if (event.level === 'query') recorded.push(event.query.sql);
  };
  beforeAll(async () => {
    database.ready(await createMigratedTestDatabase(log));
  });
  afterAll(async () => {
    await database.current?.close();
  });
  return {
    get db() {
      return database.value.db;
    },
    /** A user (sql@example.com) and their personal workspace, inserted directly. */
    async user() {
      const db = database.value.db;
      const { id: userId } = await db
        .insertInto('users')
        .values({ email: 'sql@example.com', name: 'Sql', password_hash: 'x' })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { userId, workspaceId: await insertPersonalWorkspace(db, userId) };
    },
    /** Runs `work` and files the statements it sent under `name`. */
    async record(name: string, work: () => Promise<unknown>) {
      recorded.length = 0;
      await work();
      sections.push(`-- ${name}\n${recorded.map((s) => `${s};`).join('\n')}\n`);
    },
    /** Everything recorded so far, in order. */
    text: () => sections.join('\n'),
  };
}
