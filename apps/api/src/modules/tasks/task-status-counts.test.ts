import { beforeAll, describe, expect, it } from 'vitest';
import { useTestUsers } from '../../test/users.ts';
import { createTask, createWorkspace, listAll, tasksPath } from '../../test/workspaces.ts';

/** A board column's count is the length of its whole list, under any filter. */
const { ada, bob, cyd } = useTestUsers(['ada', 'bob', 'cyd']);
let ws: string;

const statuses = ['todo', 'in_progress', 'done'] as const;

async function countsOf(client: typeof ada, workspaceId: string, query = '') {
  const res = await client.get(`${tasksPath(workspaceId)}/counts${query ? `?${query}` : ''}`);
  return res;
}

/** What the list says: the tasks of each status under the filters, page after page. */
async function listedCounts(query: string) {
  const counted: Record<string, number> = {};
  for (const status of statuses) {
    const params = new URLSearchParams(query);
    // A column narrows the list's status filter to its own status (none if it is filtered out).
    const kept = params.get('status')?.split(',') ?? statuses;
    if (!kept.includes(status)) {
      counted[status] = 0;
      continue;
    }
    params.set('status', status);
    counted[status] = (await listAll(ada, ws, params.toString())).length;
  }
  return counted;
}

beforeAll(async () => {
  ws = (await createWorkspace(ada, 'Counted')).id;
  const made = [];
  for (let i = 0; i < 24; i++) {
    made.push(
      createTask(ada, ws, {
        title: i % 5 === 0 ? `Deploy step ${i}` : `Chore ${i}`,
        status: statuses[i % 3],
        priority: (['low', 'medium', 'high', 'urgent'] as const)[i % 4],
        labels: i % 4 === 1 ? ['ops'] : [],
        dueDate: i % 2 === 0 ? `2026-03-${String(1 + (i % 20)).padStart(2, '0')}` : null,
        assigneeId: i % 3 === 1 ? ada.userId : null,
      }),
    );
  }
  await Promise.all(made);
  // Another workspace's tasks are never counted here.
  const other = (await createWorkspace(bob, 'Elsewhere')).id;
  await createTask(bob, other, { title: 'Deploy elsewhere', labels: ['ops'] });
});

describe('the status counts of a board', () => {
  it.each([
    '',
    'status=todo,done',
    'priority=high,urgent',
    'assignee=me',
    'assignee=none',
    'label=ops',
    'dueAfter=2026-03-05&dueBefore=2026-03-12',
    'dueBefore=2026-03-10',
    'q=deploy',
    'q=deploy&priority=low&label=ops',
  ])('match the list under “%s”', async (query) => {
    const res = await countsOf(ada, ws, query);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().byStatus).toEqual(await listedCounts(query));
  });

  it('count every task, past the list’s page size', async () => {
    const res = await countsOf(ada, ws);
    const { byStatus } = res.json();
    expect(byStatus).toEqual({ todo: 8, in_progress: 8, done: 8 });
  });

  it('find nothing for a search without words, as the list does', async () => {
    const res = await countsOf(ada, ws, `q=${encodeURIComponent('?!')}`);
    expect(res.json().byStatus).toEqual({ todo: 0, in_progress: 0, done: 0 });
    expect(await listAll(ada, ws, `q=${encodeURIComponent('?!')}`)).toEqual([]);
  });

  it('answer 404 to anyone outside the workspace, and 400 to a bad filter', async () => {
    const outsider = await countsOf(cyd, ws);
    expect(outsider.statusCode).toBe(404);
    expect(outsider.body).not.toContain('byStatus');
    expect((await countsOf(bob, ws, 'label=ops')).statusCode).toBe(404);
    const bad = await countsOf(ada, ws, 'status=later');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((await countsOf(ada, ws, 'sort=due')).statusCode).toBe(400);
  });
});
