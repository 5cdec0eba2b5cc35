import type { TaskSort } from '@taskflow/contract';
import { CompiledQuery, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.ts';
import { createWorkspace, newUser, type User } from '../../test/workspaces.ts';
import { toPrefixQuery } from './search-query.ts';
import type { TaskFilters } from './task-filters.ts';
import { listTasksQuery, statusCountsQuery } from './task-list.repository.ts';

/**
 * Every filter and sort of the task list is served by an index: over 5,000 tasks (statistics
 * analysed), the plan of each list query uses the index made for it.
 */
const ctx = useTestApp();
let ada: User;
let ws: string;

beforeAll(async () => {
  ada = await newUser(ctx.app, ctx.database, 'ada@example.com');
  ws = (await createWorkspace(ada, 'Big')).id;
  const other = (await createWorkspace(ada, 'Other')).id;
  // The statistics are this test's own (see task-trash-indexes.test.ts).
  await sql`alter table tasks set (autovacuum_enabled = false)`.execute(ctx.database.db);
  await sql`
    insert into tasks (workspace_id, title, description, status, priority, due_date, assignee_id, labels, position, created_by)
    select case when g % 10 = 0 then ${other}::uuid else ${ws}::uuid end,
      case when g % 1000 = 7 then 'zebra crossing ' || g else 'task ' || g end,
      'description ' || g,
      (array['todo', 'in_progress', 'done'])[1 + g % 3]::task_status,
      (array['low', 'medium', 'high', 'urgent'])[1 + g % 4]::task_priority,
      case when g % 2 = 0 then date '2026-01-01' + (g % 365) end,
      case when g % 500 = 3 then ${ada.userId}::uuid end,
      case when g % 1000 = 11 then array['rare'] else array['common'] end,
      lpad(g::text, 6, '0'),
      ${ada.userId}::uuid
    from generate_series(1, 5000) g`.execute(ctx.database.db);
  // Cards to count: two comments on every other task (one deleted), a ready and a pending file.
  await sql`
    insert into task_comments (workspace_id, task_id, author_id, body, deleted_at)
    select workspace_id, id, created_by, 'comment', case when g = 2 then now() end
    from tasks, generate_series(1, 2) g where position::int % 2 = 0`.execute(ctx.database.db);
  await sql`
    insert into task_attachments (workspace_id, task_id, name, content_type, size, storage_key, state)
    select workspace_id, id, 'file.pdf', 'application/pdf', 1, gen_random_uuid()::text,
      case when g = 2 then 'pending' else 'ready' end
    from tasks, generate_series(1, 2) g where position::int % 2 = 0`.execute(ctx.database.db);
  // The counting triggers updated every other task: the dead rows go, as autovacuum would see to.
  await sql`vacuum analyze tasks`.execute(ctx.database.db);
  await sql`analyze workspace_members`.execute(ctx.database.db);
  await sql`analyze task_comments`.execute(ctx.database.db);
  await sql`analyze task_attachments`.execute(ctx.database.db);
});

/** The indexes of a query's plan, and the plan. */
async function indexesOf(compiled: CompiledQuery) {
  const explain = CompiledQuery.raw(`explain (format json) ${compiled.sql}`, [
    ...compiled.parameters,
  ]);
  const { rows } = await ctx.database.db.executeQuery<{ 'QUERY PLAN': unknown }>(explain);
  const plan = JSON.stringify(rows[0]?.['QUERY PLAN']);
  const used = [...plan.matchAll(/"Index Name":"(\w+)"/g)].map((m) => m[1]);
  return { used, plan };
}

const indexesUsed = (sort: TaskSort, filters: TaskFilters) =>
  indexesOf(
    listTasksQuery(ctx.database.db, {
      workspaceId: ws,
      userId: ada.userId,
      filters,
      sort,
      limit: 20,
    }).compile(),
  );

const countIndexesUsed = (filters: TaskFilters) =>
  indexesOf(
    statusCountsQuery(ctx.database.db, { workspaceId: ws, userId: ada.userId, filters }).compile(),
  );

describe('the task list uses an index for every filter and sort', () => {
  it.each<[string, TaskSort, TaskFilters, string]>([
    ['manual order', 'position', {}, 'tasks_by_position'],
    ['recently updated', 'updated', {}, 'tasks_by_updated'],
    ['newest', 'created', {}, 'tasks_by_created'],
    ['soonest due', 'due', {}, 'tasks_by_due'],
    ['most urgent', 'priority', {}, 'tasks_by_priority'],
    ['a status, in manual order', 'position', { status: ['in_progress'] }, 'tasks_by_status'],
    ['an assignee', 'position', { assignee: 'x' }, 'tasks_by_assignee'],
    ['a rare label', 'position', { label: 'rare' }, 'tasks_by_label'],
    ['a search', 'relevance', { search: toPrefixQuery('zebra') ?? '' }, 'tasks_search'],
    [
      'due in a narrow range',
      'position',
      { dueAfter: '2026-03-01', dueBefore: '2026-03-03' },
      'tasks_by_due',
    ],
  ])('%s', async (_, sort, filters, index) => {
    const resolved = filters.assignee === 'x' ? { ...filters, assignee: ada.userId } : filters;
    const { used, plan } = await indexesUsed(sort, resolved);
    expect(used, plan).toContain(index);
  });

  it('reads each card’s counts from the task row, not from comments or files', async () => {
    const { plan } = await indexesUsed('due', { status: ['todo', 'in_progress'] });
    const relations = [...plan.matchAll(/"Relation Name":"(\w+)"/g)].map((m) => m[1]);
    expect(new Set(relations), plan).toEqual(new Set(['tasks', 'workspace_members']));
  });
});

describe('the status counts of a board use the list’s indexes', () => {
  it.each<[string, TaskFilters, string]>([
    ['a status', { status: ['in_progress'] }, 'tasks_by_status'],
    ['an assignee', { assignee: 'x' }, 'tasks_by_assignee'],
    ['a rare label', { label: 'rare' }, 'tasks_by_label'],
    ['a search', { search: toPrefixQuery('zebra') ?? '' }, 'tasks_search'],
    ['due in a narrow range', { dueAfter: '2026-03-01', dueBefore: '2026-03-03' }, 'tasks_by_due'],
  ])('%s', async (_, filters, index) => {
    const resolved = filters.assignee === 'x' ? { ...filters, assignee: ada.userId } : filters;
    const { used, plan } = await countIndexesUsed(resolved);
    expect(used, plan).toContain(index);
  });
});
