import type { LogEvent } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../platform/db/database.ts';
import { createMigratedTestDatabase } from './database.ts';

/**
 * What `useSqlRecorder` does, on a copy of the run's migrated template: it opens faster than
 * migrating a fresh database, and it has the job schema too (for the statements on pg-boss's
 * table). Each `record` files the statements `work` sent under `-- <name>`.
 */
export function useMigratedSqlRecorder() {
  const recorded: string[] = [];
  const sections: string[] = [];
  let database: Database | undefined;
  const log = (event: LogEvent) => {
    if (event.level === 'query') recorded.push(event.query.sql);
  };
  beforeAll(async () => {
    database = await createMigratedTestDatabase(log);
  });
  afterAll(async () => {
    await database?.close();
  });
  return {
    get db() {
      if (!database) throw new Error('the recorder opens its database before the tests');
      return database.db;
    },
    async record(name: string, work: () => Promise<unknown>) {
      recorded.length = 0;
      await work();
      sections.push(`-- ${name}\n${recorded.map((s) => `${s};`).join('\n')}\n`);
    },
    text: () => sections.join('\n'),
  };
}
