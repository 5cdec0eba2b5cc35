import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryCache, createVersionedCache } from '../../platform/cache/shared-cache.ts';
import { bodyOf } from '../../test/api-client.ts';
import { useTestUsers } from '../../test/users.ts';
import { createTask, createWorkspace, tasksPath } from '../../test/workspaces.ts';
import { createStatsRepository } from './task-stats.repository.ts';
import { createStatsService } from './task-stats.service.ts';

const { ctx, ada } = useTestUsers(['ada']);
let ws: string;

const stats = async (tz = 'UTC') => {
  const res = await ada.api.get('/api/v1/workspaces/{workspaceId}/stats', {
    path: { workspaceId: ws },
    query: { tz },
  });
  return bodyOf(res, 200);
};
const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const shift = (id: string, column: 'created_at' | 'completed_at', hoursAgo: number) =>
  sql`update tasks set ${sql.ref(column)} = now() - make_interval(hours => ${hoursAgo}) where id = ${id}`.execute(
    ctx.database.db,
  );

beforeAll(async () => {
  ws = (await createWorkspace(ada, 'Stats')).id;
});

describe('workspace stats', () => {
  it('an empty workspace has zeros and a 30-day series ending today', async () => {
    const s = await stats();
    expect(s).toMatchObject({
      total: 0,
      createdToday: 0,
      completedToday: 0,
      overdue: 0,
      timeZone: 'UTC',
    });
    expect(s.byStatus).toEqual({ todo: 0, in_progress: 0, done: 0 });
    expect(s.completionSeries).toHaveLength(30);
    expect(s.completionSeries.at(-1)).toEqual({ date: today(), completed: 0 });
    expect(s.completionSeries[0]?.date).toBe(daysAgo(29));
  });

  it('counts by status and priority, today, overdue and completions per day; a write shows at once', async () => {
    await stats(); // cached now: the writes below must invalidate it
    const old = await createTask(ada, ws, { title: 'Old', status: 'done', priority: 'high' });
    await shift(old.id, 'created_at', 24 * 5);
    await shift(old.id, 'completed_at', 24 * 3 + 1);
    await createTask(ada, ws, { title: 'Late', dueDate: daysAgo(2), priority: 'urgent' });
    await createTask(ada, ws, { title: 'Due today', dueDate: today(), status: 'in_progress' });
    await createTask(ada, ws, { title: 'Done today', status: 'done', dueDate: daysAgo(1) });
    const gone = await createTask(ada, ws, { title: 'Deleted', dueDate: daysAgo(9) });
    await ada.send('DELETE', `${tasksPath(ws)}/${gone.id}`);

    const s = await stats();
    expect(s).toMatchObject({ total: 4, createdToday: 3, completedToday: 1, overdue: 1 });
    expect(s.byStatus).toEqual({ todo: 1, in_progress: 1, done: 2 });
    expect(s.byPriority).toEqual({ low: 0, medium: 2, high: 1, urgent: 1 });
    const series = Object.fromEntries(s.completionSeries.map((d) => [d.date, d.completed]));
    expect(series[today()]).toBe(1);
    expect(series[daysAgo(3)] ?? series[daysAgo(4)]).toBe(1);
    expect(s.completionSeries.reduce((n, d) => n + d.completed, 0)).toBe(2);
  });

  it('reopening a task takes it out of the completions', async () => {
    const before = await stats();
    const task = await createTask(ada, ws, { title: 'Flip', status: 'done' });
    expect((await stats()).completedToday).toBe(before.completedToday + 1);
    await ada.send('PATCH', `${tasksPath(ws)}/${task.id}`, { status: 'todo' });
    expect((await stats()).completedToday).toBe(before.completedToday);
  });

  it('"today" is the caller’s day, counted in their time zone', async () => {
    const other = (await createWorkspace(ada, 'Zones')).id;
    const task = await createTask(ada, other, { title: 'Zoned', status: 'done' });
    // 23:30 UTC on 1 December is already 2 December in Paris, still 1 December in New York.
    await sql`update tasks set created_at = '2026-12-01T23:30:00Z', completed_at = '2026-12-01T23:30:00Z'
      where id = ${task.id}`.execute(ctx.database.db);
    const service = createStatsService({
      repo: createStatsRepository(ctx.database.db),
      isMember: async () => true,
      cache: createVersionedCache(createMemoryCache(), 'test', 60_000),
      now: () => Date.parse('2026-12-02T12:00:00Z'),
    });
    const scope = { workspaceId: other, userId: ada.userId };
    const counts = async (tz: string) => {
      const s = await service.stats(scope, tz);
      return [s.createdToday, s.completedToday, s.completionSeries.at(-1)?.date];
    };
    expect(await counts('UTC')).toEqual([0, 0, '2026-12-02']);
    expect(await counts('Europe/Paris')).toEqual([1, 1, '2026-12-02']);
    expect(await counts('America/New_York')).toEqual([0, 0, '2026-12-02']);
    const ny = await service.stats(scope, 'America/New_York');
    expect(ny.completionSeries.at(-2)).toEqual({ date: '2026-12-01', completed: 1 });
  });

  it('refuses an unknown time zone', async () => {
    const res = await ada.get(`/api/v1/workspaces/${ws}/stats?tz=Mars/Olympus`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('query.tz');
  });
});
