import type { Task, TaskSort } from '@taskflow/contract';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodyOf } from '../../test/api-client.ts';
import { createTeam, useTestUsers } from '../../test/users.ts';
import { createTask, listAll, tasksPath } from '../../test/workspaces.ts';

const { ctx, ada, bob } = useTestUsers(['ada', 'bob']);
let ws: string;
let tasks: Task[];

const titles = (items: Task[]) => items.map((t) => t.title).sort();
const list = async (query: string) => titles(await listAll(ada, ws, query));

beforeAll(async () => {
  ws = await createTeam(ada, 'Listing', bob);
  const specs = [
    {
      title: 'Deploy the API',
      status: 'todo',
      priority: 'urgent',
      dueDate: '2026-03-01',
      labels: ['ops'],
    },
    {
      title: 'Design review',
      status: 'in_progress',
      priority: 'high',
      assigneeId: 'bob',
      labels: ['design'],
    },
    {
      title: 'Write release notes',
      description: 'Mention the deployment window',
      status: 'done',
      priority: 'low',
      dueDate: '2026-02-01',
    },
    {
      title: 'Fix login bug',
      status: 'todo',
      priority: 'high',
      dueDate: '2026-03-15',
      assigneeId: 'ada',
      labels: ['bug', 'ops'],
    },
    { title: 'Plan the offsite', status: 'todo', priority: 'medium' },
    { title: "Café menu, l'été", status: 'in_progress', priority: 'medium', dueDate: '2026-03-01' },
  ];
  tasks = [];
  for (const spec of specs) {
    const assigneeId =
      spec.assigneeId === 'bob' ? bob.userId : spec.assigneeId === 'ada' ? ada.userId : null;
    tasks.push(await createTask(ada, ws, { ...spec, assigneeId }));
  }
  // Distinct, known creation and update times, so the time sorts have one right answer.
  for (const [i, t] of tasks.entries()) {
    await sql`update tasks set created_at = now() - make_interval(hours => ${10 - i}),
      updated_at = now() - make_interval(mins => ${(i * 7) % 5}) where id = ${t.id}`.execute(
      ctx.database.db,
    );
  }
});

describe('filters', () => {
  it.each([
    ['status=todo', ['Deploy the API', 'Fix login bug', 'Plan the offsite']],
    ['status=in_progress,done', ["Café menu, l'été", 'Design review', 'Write release notes']],
    ['priority=high,urgent', ['Deploy the API', 'Design review', 'Fix login bug']],
    ['assignee=me', ['Fix login bug']],
    [
      'assignee=none',
      ["Café menu, l'été", 'Deploy the API', 'Plan the offsite', 'Write release notes'],
    ],
    ['label=ops', ['Deploy the API', 'Fix login bug']],
    ['label=bug&status=todo', ['Fix login bug']],
    // Both ends are inclusive: a task due on the day named is in.
    ['dueBefore=2026-03-01', ["Café menu, l'été", 'Deploy the API', 'Write release notes']],
    ['dueAfter=2026-03-01', ["Café menu, l'été", 'Deploy the API', 'Fix login bug']],
    ['dueAfter=2026-03-01&dueBefore=2026-03-01', ["Café menu, l'été", 'Deploy the API']],
    [
      'dueAfter=2026-01-31&dueBefore=2026-03-02',
      ["Café menu, l'été", 'Deploy the API', 'Write release notes'],
    ],
  ])('%s', async (query, expected) => {
    expect(await list(`${query}&limit=2`)).toEqual(expected.sort());
  });

  it('assignee by id', async () => {
    expect(await list(`assignee=${bob.userId}`)).toEqual(['Design review']);
  });

  it.each([
    'status=todo,blocked',
    'status=',
    'priority=none',
    'assignee=someone',
    'dueBefore=2026-13-01',
    'limit=0',
    'limit=101',
    'sort=random',
    'unknown=1',
  ])('refuses %s with a 400 on the query', async (query) => {
    const res = await ada.get(`${tasksPath(ws)}?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toMatch(/^query/);
  });
});

describe('search', () => {
  it('matches word prefixes in title and description, every word, any case and accent as typed', async () => {
    expect(await list('q=depl')).toEqual(['Deploy the API', 'Write release notes']);
    expect(await list('q=DEPLOY api')).toEqual(['Deploy the API']);
    expect(await list('q=caf')).toEqual(["Café menu, l'été"]);
    expect(await list('q=été')).toEqual(["Café menu, l'été"]);
    expect(await list('q=nothing-like-this')).toEqual([]);
  });

  it('ranks title matches above description matches', async () => {
    const items = await listAll(ada, ws, 'q=deploy');
    expect(items.map((t) => t.title)).toEqual(['Deploy the API', 'Write release notes']);
  });

  it('treats punctuation as nothing to find, and syntax as text', async () => {
    expect(await list(`q=${encodeURIComponent("!!! & | ( ' :*")}`)).toEqual([]);
    expect(await list(`q=${encodeURIComponent("login') | ('x")}`)).toEqual([]);
    expect(await list(`q=${encodeURIComponent('login & bug')}`)).toEqual(['Fix login bug']);
  });

  it('relevance needs words to rank by', async () => {
    const res = await ada.get(`${tasksPath(ws)}?sort=relevance`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('query.sort');
  });

  it('combines with filters and other sorts', async () => {
    expect(await list('q=de&status=in_progress&sort=created')).toEqual(['Design review']);
  });
});

describe('sorting and pagination', () => {
  const priorityRank = { low: 0, medium: 1, high: 2, urgent: 3 };
  const expected: Record<string, (a: Task, b: Task) => number> = {
    position: (a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0),
    created: (a, b) => b.createdAt.localeCompare(a.createdAt),
    updated: (a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id),
    due: (a, b) =>
      (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.id.localeCompare(b.id),
    priority: (a, b) =>
      priorityRank[b.priority] - priorityRank[a.priority] || b.id.localeCompare(a.id),
  };

  it.each(Object.keys(expected))(
    'sort=%s, one task per page, walks every task once in order',
    async (sort) => {
      const paged = await listAll(ada, ws, `sort=${sort}&limit=1`);
      const all = bodyOf(
        await ada.api.get('/api/v1/workspaces/{workspaceId}/tasks', {
          path: { workspaceId: ws },
          query: { sort: sort as TaskSort, limit: 100 },
        }),
        200,
      ).items;
      expect(paged.map((t) => t.id)).toEqual(all.map((t) => t.id));
      expect(paged.map((t) => t.title)).toEqual([...all].sort(expected[sort]).map((t) => t.title));
      expect(paged).toHaveLength(tasks.length);
    },
  );

  it('newest first on top of the manual order: new tasks are placed first', async () => {
    const all = await listAll(ada, ws, 'limit=100');
    expect(all[0]?.title).toBe(tasks.at(-1)?.title);
  });

  it('the last page says there is no next one', async () => {
    const res = await ada.get(`${tasksPath(ws)}?limit=${tasks.length}`);
    expect(res.json().nextCursor).toBeNull();
  });

  it('refuses cursors it did not make, or made for another sort', async () => {
    const first = (await ada.get(`${tasksPath(ws)}?sort=due&limit=1`)).json();
    const forged = Buffer.from(
      JSON.stringify(['due', "2026-01-01'; drop table tasks", tasks[0]?.id]),
    ).toString('base64url');
    for (const [query, message] of [
      [`sort=created&cursor=${first.nextCursor}`, 'The cursor belongs to another sort order'],
      ['cursor=bm90LWpzb24', 'Not a cursor from this API'],
      [`sort=due&cursor=${forged}`, 'Not a cursor from this API'],
      ['cursor=!!', undefined],
    ] as const) {
      const res = await ada.get(`${tasksPath(ws)}?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().errors[0].path).toBe('query.cursor');
      if (message) expect(res.json().errors[0].message).toBe(message);
    }
  });
});
