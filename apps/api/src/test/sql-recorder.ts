import type { LogEvent } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../platform/db/database.ts';
import { migrateUp } from '../platform/db/migrator.ts';
import { createTestDatabase } from './database.ts';

/**
 * A migrated test database that records the SQL of every statement, for snapshots of what each
 * repository method sends (so that a query change shows as a SQL diff in review).
 */
export function useSqlRecorder() {
  const recorded: string[] = [];
  const ctx = { database: undefined as unknown as Database, sections: [] as string[] };
  const log = (event: LogEvent) => {
    if (event.level === 'query') recorded.push(event.query.sql);
  };
  beforeAll(async () => {
    ctx.database = await createTestDatabase(log);
    await migrateUp(ctx.database.db);
  });
  afterAll(async () => {
    await ctx.database?.close();
  });
  return {
    get db() {
      return ctx.database.db;
    },
    /** Runs `work` and files the statements it sent under `name`. */
    async record(name: string, work: () => Promise<unknown>) {
      recorded.length = 0;
      await work();
      ctx.sections.push(`-- ${name}\n${recorded.map((s) => `${s};`).join('\n')}\n`);
    },
    /** Everything recorded so far, in order. */
    text: () => ctx.sections.join('\n'),
  };
}
