import type { Insertable, Kysely } from 'kysely';
import type { DB, TasksTable } from '../db/schema.ts';
import { insertPersonalWorkspace } from '../modules/auth/index.ts';

/**
 * Rows for repository SQL tests, inserted directly: the statements that make them are not the
 * ones under test, and are sent before the first `record`.
 */

/** A user and their personal workspace: both ids. */
export async function insertUser(db: Kysely<DB>, email: string, role: 'user' | 'admin' = 'user') {
  const user = await db
    .insertInto('users')
    .values({ email, name: email.split('@')[0] ?? email, password_hash: 'x', role })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { userId: user.id, workspaceId: await insertPersonalWorkspace(db, user.id) };
}

/** A task of the workspace, created by (and by default assigned to) the user: its id. */
export async function insertTask(
  db: Kysely<DB>,
  owner: { userId: string; workspaceId: string },
  values: Partial<Insertable<TasksTable>> = {},
) {
  const task = await db
    .insertInto('tasks')
    .values({
      workspace_id: owner.workspaceId,
      created_by: owner.userId,
      assignee_id: owner.userId,
      title: 'T',
      position: 'a0',
      ...values,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return task.id;
}

/** A fixed instant, so that no clock reading reaches a snapshot's data. */
export const someDay = new Date('2026-01-02T00:00:00Z');

/** Three days' bounds ending the day after `someDay` (for per-day series). */
export const someDays = [
  new Date('2025-12-31T00:00:00Z'),
  new Date('2026-01-01T00:00:00Z'),
  someDay,
  new Date('2026-01-03T00:00:00Z'),
];
