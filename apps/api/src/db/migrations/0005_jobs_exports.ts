import { type Kysely, sql } from 'kysely';
import type { MigrationPhase } from './index.ts';

const now = sql`now()`;

export const phase: MigrationPhase = 'expand';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A side effect a job has had, by its idempotency key: recorded in the transaction that makes
  // the effect, so a job run again (after a crash, a retry) finds it and does nothing twice.
  await db.schema
    .createTable('job_effects')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('job_type', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('job_effects_by_time')
    .on('job_effects')
    .column('created_at')
    .execute();

  await db.schema
    .createTable('task_exports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('workspace_id', 'uuid', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending', 'ready', 'failed', 'expired')`),
    )
    .addColumn('row_count', 'integer')
    // The CSV itself: in the database, so any API instance serves what any worker made.
    .addColumn('content', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('completed_at', 'timestamptz')
    .addColumn('expires_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('task_exports_by_workspace')
    .on('task_exports')
    .columns(['workspace_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('task_exports_expiring')
    .on('task_exports')
    .column('expires_at')
    .where(sql.ref('status'), '=', 'ready')
    .execute();

  // One reminder per task and due date: moving the date sends a new one, nothing else does.
  await db.schema
    .createTable('due_reminders')
    .addColumn('task_id', 'uuid', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('due_date', 'date', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('due_reminders_pkey', ['task_id', 'due_date'])
    .execute();
  // The reminder job's scan: open, assigned, dated, live tasks.
  await sql`create index tasks_due_open on tasks (due_date)
    where deleted_at is null and status <> 'done' and assignee_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index tasks_due_open`.execute(db);
  await db.schema.dropTable('due_reminders').execute();
  await db.schema.dropTable('task_exports').execute();
  await db.schema.dropTable('job_effects').execute();
}
