import { type Kysely, sql } from 'kysely';
import type { MigrationPhase } from './index.ts';

const now = sql`now()`;
/** Listing and filtering only ever look at live (not deleted) tasks. */
const live = sql`deleted_at is null`;

export const phase: MigrationPhase = 'expand';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('workspaces')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('personal', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  // One personal workspace per user.
  await db.schema
    .createIndex('workspaces_personal_key')
    .on('workspaces')
    .column('created_by')
    .unique()
    .where(sql.ref('personal'), '=', true)
    .execute();

  await db.schema
    .createTable('workspace_members')
    .addColumn('workspace_id', 'uuid', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'member')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('workspace_members_pkey', ['workspace_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('workspace_members_user')
    .on('workspace_members')
    .column('user_id')
    .execute();

  // Enums compare in declaration order: `order by priority desc` puts urgent first.
  await sql`create type task_status as enum ('todo', 'in_progress', 'done')`.execute(db);
  await sql`create type task_priority as enum ('low', 'medium', 'high', 'urgent')`.execute(db);

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('workspace_id', 'uuid', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', sql`task_status`, (c) => c.notNull().defaultTo('todo'))
    .addColumn('priority', sql`task_priority`, (c) => c.notNull().defaultTo('medium'))
    .addColumn('due_date', 'date')
    .addColumn('assignee_id', 'uuid')
    .addColumn('labels', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    // Fractional index keys (fractional-indexing): compared byte by byte, hence collation C.
    .addColumn('position', sql`text collate "C"`, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('completed_at', 'timestamptz')
    .addColumn('deleted_at', 'timestamptz')
    .addColumn('search', sql`tsvector`, (c) =>
      c
        .generatedAlwaysAs(
          sql`setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', description), 'B')`,
        )
        .stored(),
    )
    .execute();
  // The assignee is a member of the task's workspace; leaving it unassigns (PostgreSQL 15+).
  await sql`
    alter table tasks add constraint tasks_assignee_member
      foreign key (workspace_id, assignee_id)
      references workspace_members (workspace_id, user_id)
      on delete set null (assignee_id)`.execute(db);

  // One index per sort order (keyset pagination walks it), and per filter.
  const indexes: [name: string, columns: string][] = [
    ['tasks_by_position', 'workspace_id, position, id'],
    ['tasks_by_updated', 'workspace_id, updated_at desc, id desc'],
    ['tasks_by_created', 'workspace_id, created_at desc, id desc'],
    ['tasks_by_due', "workspace_id, coalesce(due_date, 'infinity'::date), id"],
    ['tasks_by_priority', 'workspace_id, priority desc, id desc'],
    ['tasks_by_status', 'workspace_id, status, position, id'],
    ['tasks_by_assignee', 'workspace_id, assignee_id, position, id'],
  ];
  for (const [name, columns] of indexes) {
    await sql`create index ${sql.id(name)} on tasks (${sql.raw(columns)}) where ${live}`.execute(
      db,
    );
  }
  await sql`create index tasks_by_label on tasks using gin (labels) where ${live}`.execute(db);
  await sql`create index tasks_search on tasks using gin (search) where ${live}`.execute(db);
  await sql`create index tasks_completed on tasks (workspace_id, completed_at)
    where completed_at is not null and ${live}`.execute(db);
  await sql`create index tasks_deleted on tasks (deleted_at) where deleted_at is not null`.execute(
    db,
  );

  // Users who registered before workspaces existed get their personal workspace now.
  await sql`
    with created as (
      insert into workspaces (name, personal, created_by)
      select 'Personal', true, u.id from users u
      where not exists (select 1 from workspaces w where w.created_by = u.id and w.personal)
      returning id, created_by
    )
    insert into workspace_members (workspace_id, user_id, role)
    select id, created_by, 'owner' from created`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('tasks').execute();
  await sql`drop type task_priority`.execute(db);
  await sql`drop type task_status`.execute(db);
  await db.schema.dropTable('workspace_members').execute();
  await db.schema.dropTable('workspaces').execute();
}
