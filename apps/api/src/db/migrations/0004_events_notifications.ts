import { type Kysely, sql } from 'kysely';
import type { MigrationPhase } from './index.ts';

const now = sql`now()`;

export const phase: MigrationPhase = 'expand';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The transactional outbox. Ids come from `event_sequence`, a single row updated in the
  // writing transaction: its row lock is held until commit, so ids are gapless and in commit
  // order, and a reader that has seen id N has seen every id below it (decision 0006).
  await db.schema
    .createTable('event_sequence')
    .addColumn('singleton', 'boolean', (c) => c.primaryKey().defaultTo(true).check(sql`singleton`))
    .addColumn('last_id', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('pruned_through', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`insert into event_sequence (singleton) values (true)`.execute(db);

  await db.schema
    .createTable('events')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    // Members of this workspace receive the event…
    .addColumn('workspace_id', 'uuid')
    // …and so does the user it concerns (the member added or removed, a notification's reader).
    .addColumn('user_id', 'uuid')
    .addColumn('actor_id', 'uuid')
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('events_has_audience', sql`workspace_id is not null or user_id is not null`)
    .execute();
  // Replay reads a user's missed events by workspace and by user, in id order.
  await db.schema
    .createIndex('events_by_workspace')
    .on('events')
    .columns(['workspace_id', 'id'])
    .where(sql.ref('workspace_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('events_by_user')
    .on('events')
    .columns(['user_id', 'id'])
    .where(sql.ref('user_id'), 'is not', null)
    .execute();
  await db.schema.createIndex('events_by_time').on('events').column('created_at').execute();

  // Every committed batch of events wakes the readers of every instance (delivered on commit,
  // never for a rolled-back transaction).
  await sql`
    create function taskflow_events_notify() returns trigger language plpgsql as $$
    begin
      perform pg_notify('taskflow_events', '');
      return null;
    end $$`.execute(db);
  await sql`
    create trigger events_notify after insert on events
    for each statement execute function taskflow_events_notify()`.execute(db);

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'uuid', (c) => c.references('workspaces.id').onDelete('cascade'))
    .addColumn('task_id', 'uuid', (c) => c.references('tasks.id').onDelete('cascade'))
    .addColumn('actor_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('data', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('read_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('notifications_by_user')
    .on('notifications')
    .expression(sql`user_id, created_at desc, id desc`)
    .execute();
  await db.schema
    .createIndex('notifications_unread')
    .on('notifications')
    .column('user_id')
    .where(sql.ref('read_at'), 'is', null)
    .execute();

  // Who hears about a task's changes: its creator and assignee join on their own; anyone can
  // follow or stop.
  await db.schema
    .createTable('task_followers')
    .addColumn('task_id', 'uuid', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('task_followers_pkey', ['task_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('task_followers_user')
    .on('task_followers')
    .column('user_id')
    .execute();
  await sql`
    insert into task_followers (task_id, user_id)
    select id, created_by from tasks where created_by is not null
    union
    select id, assignee_id from tasks where assignee_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('task_followers').execute();
  await db.schema.dropTable('notifications').execute();
  await db.schema.dropTable('events').execute();
  await sql`drop function taskflow_events_notify()`.execute(db);
  await db.schema.dropTable('event_sequence').execute();
}
