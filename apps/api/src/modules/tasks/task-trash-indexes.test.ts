import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.ts';
import { queryPlans } from '../../test/query-plan.ts';
import { createWorkspace, newUser, type User } from '../../test/workspaces.ts';
import { createTrashRepository } from './task-trash.repository.ts';

/**
 * Over 20,000 tasks, a seventh of them deleted (statistics analysed), the trash of a workspace that
 * holds a tenth of them reads by its index. (With half of the rows in one workspace, `tasks_trash`
 * and a bitmap on `tasks_deleted` cost within 2 % of each other, and the planner took either.)
 */
const plans = queryPlans();
const ctx = useTestApp({}, { log: plans.log });
let ada: User;
let ws: string;

beforeAll(async () => {
  ada = await newUser(ctx.app, ctx.database, 'ada@example.com');
  ws = (await createWorkspace(ada, 'Busy')).id;
  const other = (await createWorkspace(ada, 'Other')).id;
  // The statistics are this test's own, from the ANALYZE below: no autovacuum pass on the table
  // while the test reads plans.
  await sql`alter table tasks set (autovacuum_enabled = false)`.execute(ctx.database.db);
  await sql`
    insert into tasks (workspace_id, title, position, created_by, deleted_at)
    select case when g % 10 = 0 then ${ws}::uuid else ${other}::uuid end, 'task ' || g,
      lpad(g::text, 6, '0'), ${ada.userId}::uuid,
      case when g % 7 = 0 then now() - make_interval(days => g % 40) end
    from generate_series(1, 20000) g`.execute(ctx.database.db);
  await sql`vacuum analyze tasks`.execute(ctx.database.db);
}, 180_000);

it('reads a page of the trash by tasks_trash', async () => {
  const repo = createTrashRepository(ctx.database.db);
  const plan = await plans.planOf(ctx.database.db, () =>
    repo.page({ workspaceId: ws, userId: ada.userId, limit: 50 }),
  );
  expect(
    plan.filter((node) => node.endsWith(' tasks_trash')),
    plan.join('\n'),
  ).not.toEqual([]);
  expect(plan).not.toContain('Seq Scan tasks ');
});
