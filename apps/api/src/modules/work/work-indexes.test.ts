import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.ts';
import { queryPlans } from '../../test/query-plan.ts';
import { createWorkspace, newUser, type User } from '../../test/workspaces.ts';
import { createWorkRepository } from './work.repository.ts';

/**
 * "My work" reads by index, not by scanning tasks: over 20,000 tasks of many people (statistics
 * analysed), the plan of each statement uses an index.
 */
const plans = queryPlans();
const ctx = useTestApp({}, { log: plans.log });
let ada: User;

beforeAll(async () => {
  ada = await newUser(ctx.app, ctx.database, 'ada@example.com');
  const other = await newUser(ctx.app, ctx.database, 'other@example.com');
  const ws = (await createWorkspace(other, 'Busy')).id;
  await sql`insert into workspace_members (workspace_id, user_id, role)
    values (${ws}::uuid, ${ada.userId}::uuid, 'member')`.execute(ctx.database.db);
  // The statistics are this test's own (see task-trash-indexes.test.ts).
  await sql`alter table tasks set (autovacuum_enabled = false)`.execute(ctx.database.db);
  await sql`
    insert into tasks (workspace_id, title, status, due_date, assignee_id, position, created_by)
    select ${ws}::uuid, 'task ' || g,
      (array['todo', 'in_progress', 'done'])[1 + g % 3]::task_status,
      date '2026-01-01' + (g % 365),
      case when g % 400 = 1 then ${ada.userId}::uuid else ${other.userId}::uuid end,
      lpad(g::text, 6, '0'), ${other.userId}::uuid
    from generate_series(1, 20000) g`.execute(ctx.database.db);
  await sql`insert into task_followers (task_id, user_id)
    select id, assignee_id from tasks on conflict do nothing`.execute(ctx.database.db);
  await sql`vacuum analyze tasks`.execute(ctx.database.db);
  await sql`analyze task_followers`.execute(ctx.database.db);
  await sql`analyze workspace_members`.execute(ctx.database.db);
}, 180_000);

describe('the indexes of my work', () => {
  it('reads a user’s open tasks by assignee in each of their workspaces', async () => {
    const repo = createWorkRepository(ctx.database.db);
    const plan = await plans.planOf(ctx.database.db, () =>
      repo.assigned(ada.userId, { today: '2026-03-10', weekEnds: '2026-03-15' }, 100),
    );
    expect(plan).toContain('Index Scan tasks tasks_by_assignee');
    expect(plan).not.toContain('Seq Scan tasks ');
  });

  it('reads followed tasks from the user’s follows', async () => {
    const repo = createWorkRepository(ctx.database.db);
    const plan = await plans.planOf(ctx.database.db, () =>
      repo.followed(ada.userId, new Date(Date.now() - 7 * 86_400_000), 50),
    );
    expect(plan.join('\n')).toContain('task_followers_user');
    expect(plan).not.toContain('Seq Scan tasks ');
  });
});
