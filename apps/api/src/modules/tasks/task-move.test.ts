import type { Task } from '@taskflow/contract';
import { beforeEach, describe, expect, it } from 'vitest';
import { bodyOf } from '../../test/api-client.ts';
import { useTestUsers } from '../../test/users.ts';
import { createTask, createWorkspace, listAll } from '../../test/workspaces.ts';

const { ada } = useTestUsers(['ada']);
let ws: string;
let byTitle: Record<string, Task>;

const order = async () => (await listAll(ada, ws, 'sort=position&limit=100')).map((t) => t.title);
type Place = { afterId?: string; beforeId?: string; status?: Task['status'] };
const move = (title: string, body: Place, headers: Record<string, string> = {}) =>
  ada.api.post('/api/v1/workspaces/{workspaceId}/tasks/{taskId}/move', {
    path: { workspaceId: ws, taskId: byTitle[title]?.id ?? '' },
    body,
    headers,
  });
const id = (title: string) => byTitle[title]?.id;

beforeEach(async () => {
  ws = (await createWorkspace(ada, 'Board')).id;
  byTitle = {};
  // Created bottom-up: each new task goes on top, so the order reads A B C D E.
  for (const title of ['E', 'D', 'C', 'B', 'A'])
    byTitle[title] = await createTask(ada, ws, { title });
  expect(await order()).toEqual(['A', 'B', 'C', 'D', 'E']);
});

describe('moving tasks', () => {
  it('after a task, before a task, to the top and to the bottom', async () => {
    expect((await move('E', { afterId: id('A') })).status).toBe(200);
    expect(await order()).toEqual(['A', 'E', 'B', 'C', 'D']);
    await move('A', { beforeId: id('D') });
    expect(await order()).toEqual(['E', 'B', 'C', 'A', 'D']);
    await move('D', { beforeId: id('E') });
    expect(await order()).toEqual(['D', 'E', 'B', 'C', 'A']);
    await move('D', { afterId: id('A') });
    expect(await order()).toEqual(['E', 'B', 'C', 'A', 'D']);
  });

  it('changes only the moved task', async () => {
    const before = await listAll(ada, ws, 'limit=100');
    const moved = bodyOf(await move('C', { afterId: id('D') }), 200);
    const after = await listAll(ada, ws, 'limit=100');
    const untouched = (list: Task[]) => list.filter((t) => t.id !== moved.id);
    expect(untouched(after).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      untouched(before).sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(moved.version).toBe(2);
  });

  it('into another column, with or without a place in it', async () => {
    const done = bodyOf(await move('B', { status: 'done' }), 200);
    expect(done).toMatchObject({ status: 'done', position: byTitle.B?.position });
    expect(done.completedAt).not.toBeNull();
    await move('D', { status: 'done', beforeId: id('B') });
    expect((await listAll(ada, ws, 'status=done&sort=position')).map((t) => t.title)).toEqual([
      'D',
      'B',
    ]);
  });

  it('many moves to one place at once all land there, each with its own position', async () => {
    const movers = ['B', 'C', 'D', 'E'];
    const results = await Promise.all(movers.map((t) => move(t, { afterId: id('A') })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const positions = results.map((r) => bodyOf(r, 200).position);
    expect(new Set(positions).size).toBe(4);
    const now = await order();
    expect(now[0]).toBe('A');
    expect(now.slice(1).sort()).toEqual(movers);
  });

  it('thirty moves into the same gap keep the order exact', async () => {
    // D, C, D, C… each right after A: the last two moved are C (last) then D.
    for (let i = 0; i < 30; i++) await move(i % 2 ? 'C' : 'D', { afterId: id('A') });
    expect(await order()).toEqual(['A', 'C', 'D', 'B', 'E']);
    const positions = (await listAll(ada, ws, 'limit=100')).map((t) => t.position);
    expect(positions.every((p) => p.length < 40)).toBe(true);
  });

  it('with If-Match, a stale version gets 412 and the task stays', async () => {
    const stale = await move('C', { afterId: id('E') }, { 'if-match': '"7"' });
    expect(bodyOf(stale, 412).current).toMatchObject({ id: id('C'), version: 1 });
    expect(await order()).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect((await move('C', { afterId: id('E') }, { 'if-match': '"1"' })).status).toBe(200);
  });

  it.each([
    [{}, 'body'],
    [{ afterId: 'self' }, 'body.afterId'],
    [{ afterId: 'A', beforeId: 'B' }, 'body'],
    [{ beforeId: crypto.randomUUID() }, 'body.beforeId'],
  ])('refuses %j', async (body, path) => {
    const resolved = Object.fromEntries(
      Object.entries(body).map(([k, v]) => [k, v === 'self' ? id('C') : (id(v) ?? v)]),
    );
    const res = await move('C', resolved);
    expect(bodyOf(res, 400).errors?.[0]?.path).toBe(path);
  });
});
