import type { LogEvent } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTeam, useTestUsers } from '../../test/users.ts';
import { createTask, tasksPath } from '../../test/workspaces.ts';
import { createWorkRepository } from './work.repository.ts';
import { createWorkService, weekEndOf } from './work.service.ts';

/** The statements of the requests made while `counting`. */
const statements: string[] = [];
let counting = false;
const fanOutRead = /^select (last_id|id)::text as/;
const record = (event: LogEvent) => {
  if (counting && event.level === 'query' && !fanOutRead.test(event.query.sql)) {
    statements.push(event.query.sql);
  }
};

const { ctx, ada, bob, cy } = useTestUsers(['ada', 'bob', 'cy'], {}, { log: record });

/** Wednesday 2026-03-11, 02:00 UTC: still Tuesday the 10th, 22:00, in New York. */
const WEDNESDAY_2AM_UTC = Date.parse('2026-03-11T02:00:00Z');

const serviceAt = (instant: number) =>
  createWorkService({ repo: createWorkRepository(ctx.database.db), now: () => instant });

const titlesByGroup = (work: Awaited<ReturnType<ReturnType<typeof serviceAt>['myWork']>>) =>
  Object.fromEntries(work.groups.map((g) => [g.key, g.items.map((t) => t.title)]));

let team: string;

beforeAll(async () => {
  team = await createTeam(bob, 'Rocket', ada);
  const mine = { assigneeId: ada.userId };
  await createTask(ada, ada.personalId, { ...mine, title: 'Overdue', dueDate: '2026-03-09' });
  await createTask(bob, team, { ...mine, title: 'Due the 10th', dueDate: '2026-03-10' });
  await createTask(ada, ada.personalId, { ...mine, title: 'Due the 11th', dueDate: '2026-03-11' });
  await createTask(bob, team, { ...mine, title: 'Sunday', dueDate: '2026-03-15' });
  await createTask(bob, team, { ...mine, title: 'Monday', dueDate: '2026-03-16' });
  await createTask(ada, ada.personalId, { ...mine, title: 'Undated' });
  await createTask(bob, team, { ...mine, title: 'Done', dueDate: '2026-03-10', status: 'done' });
  const deleted = await createTask(ada, ada.personalId, { ...mine, title: 'Deleted' });
  await ada.send('DELETE', `${tasksPath(ada.personalId)}/${deleted.id}`);
  await createTask(bob, team, { title: 'Bob’s', dueDate: '2026-03-10', assigneeId: bob.userId });
  await createTask(bob, team, { title: 'Nobody’s', dueDate: '2026-03-10' });
  await createTask(cy, cy.personalId, {
    title: 'Cy’s',
    dueDate: '2026-03-10',
    assigneeId: cy.userId,
  });
});

describe('my work, grouped by due date', () => {
  it('counts "today" in the caller’s time zone: a task due the 10th is today in New York, overdue in UTC', async () => {
    const newYork = await serviceAt(WEDNESDAY_2AM_UTC).myWork(ada.userId, 'America/New_York');
    expect(newYork).toMatchObject({ today: '2026-03-10', weekEnds: '2026-03-15' });
    expect(titlesByGroup(newYork)).toEqual({
      overdue: ['Overdue'],
      today: ['Due the 10th'],
      thisWeek: ['Due the 11th', 'Sunday'],
      later: ['Monday'],
      noDate: ['Undated'],
    });

    const utc = await serviceAt(WEDNESDAY_2AM_UTC).myWork(ada.userId, 'UTC');
    expect(utc).toMatchObject({ today: '2026-03-11', weekEnds: '2026-03-15' });
    expect(titlesByGroup(utc)).toEqual({
      overdue: ['Overdue', 'Due the 10th'],
      today: ['Due the 11th'],
      thisWeek: ['Sunday'],
      later: ['Monday'],
      noDate: ['Undated'],
    });
  });

  it('ends "this week" on the coming Sunday, or today on a Sunday', async () => {
    expect(weekEndOf('2026-03-09')).toBe('2026-03-15');
    expect(weekEndOf('2026-03-14')).toBe('2026-03-15');
    expect(weekEndOf('2026-03-15')).toBe('2026-03-15');
    const sunday = await serviceAt(Date.parse('2026-03-15T12:00:00Z')).myWork(ada.userId, 'UTC');
    expect(titlesByGroup(sunday)).toMatchObject({ today: ['Sunday'], thisWeek: [] });
  });

  it('carries each task’s workspace, and leaves out done, deleted and other people’s tasks', async () => {
    const work = await serviceAt(WEDNESDAY_2AM_UTC).myWork(ada.userId, 'UTC');
    const items = work.groups.flatMap((g) => g.items);
    expect(items).toHaveLength(6);
    const tenth = items.find((t) => t.title === 'Due the 10th');
    expect(tenth).toMatchObject({ workspaceId: team, workspaceName: 'Rocket', status: 'todo' });
    const undated = items.find((t) => t.title === 'Undated');
    expect(undated).toMatchObject({ workspaceId: ada.personalId, workspaceName: 'Personal' });
    expect(work.groups.map((g) => g.total)).toEqual([2, 1, 1, 1, 1]);
  });

  it('lists at most the given number per group, with the group’s total', async () => {
    const rows = await createWorkRepository(ctx.database.db).assigned(
      ada.userId,
      { today: '2026-03-11', weekEnds: '2026-03-15' },
      1,
    );
    const overdue = rows.filter((r) => r.group_key === 'overdue');
    expect(overdue.map((r) => [r.title, r.total])).toEqual([['Overdue', 2]]);
    expect(rows).toHaveLength(5);
  });

  it('answers over HTTP in UTC by default, and refuses an unknown time zone', async () => {
    const res = await ada.get('/api/v1/me/work');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().timeZone).toBe('UTC');
    expect(res.json().groups.map((g: { key: string }) => g.key)).toEqual([
      'overdue',
      'today',
      'thisWeek',
      'later',
      'noDate',
    ]);

    const bad = await ada.get('/api/v1/me/work?tz=Mars/Olympus');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(bad.json().errors[0].path).toBe('query.tz');

    const unknownField = await ada.get('/api/v1/me/work?assignee=bob');
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().code).toBe('VALIDATION_FAILED');
  });

  it('needs a session', async () => {
    const res = await ctx.app.inject({ url: '/api/v1/me/work' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });

  it('shows another user only their own tasks', async () => {
    const res = await bob.get('/api/v1/me/work');
    const titles = res.json().groups.flatMap((g: { items: { title: string }[] }) => g.items);
    expect(titles.map((t: { title: string }) => t.title)).toEqual(['Bob’s']);
  });
});

describe('followed tasks changed by someone else', () => {
  it('lists them newest change first, with who changed them; not one’s own changes', async () => {
    const followed = await createTask(bob, team, { title: 'Followed', assigneeId: ada.userId });
    const mineOnly = await createTask(ada, team, { title: 'Only I touched it' });
    const notFollowed = await createTask(bob, team, { title: 'Not followed' });
    const gone = await createTask(bob, team, { title: 'Gone', assigneeId: ada.userId });
    const later = await createTask(bob, team, { title: 'Changed later', assigneeId: ada.userId });
    await bob.send('PATCH', `${tasksPath(team)}/${followed.id}`, { priority: 'high' });
    await ada.send('PATCH', `${tasksPath(team)}/${mineOnly.id}`, { priority: 'high' });
    await bob.send('PATCH', `${tasksPath(team)}/${notFollowed.id}`, { priority: 'high' });
    await bob.send('DELETE', `${tasksPath(team)}/${gone.id}`);
    await bob.send('PATCH', `${tasksPath(team)}/${later.id}`, { status: 'in_progress' });

    const work = await serviceAt(Date.now()).myWork(ada.userId, 'UTC');
    const titles = work.following.map((f) => f.task.title);
    expect(titles.slice(0, 2)).toEqual(['Changed later', 'Followed']);
    expect(titles).not.toContain('Only I touched it');
    expect(titles).not.toContain('Not followed');
    expect(titles).not.toContain('Gone');
    expect(work.following[0]).toMatchObject({
      kind: 'task.updated',
      changedBy: { id: bob.userId, name: expect.any(String) },
      task: { workspaceName: 'Rocket', status: 'in_progress' },
    });

    const bobSees = await serviceAt(Date.now()).myWork(bob.userId, 'UTC');
    expect(bobSees.following.map((f) => f.task.title)).not.toContain('Followed');
  });

  it('forgets changes older than 7 days', async () => {
    const eightDaysOn = Date.now() + 8 * 86_400_000;
    expect((await serviceAt(eightDaysOn).myWork(ada.userId, 'UTC')).following).toEqual([]);
  });
});

describe('statements per request', () => {
  it('reads my work in the same two statements whatever it holds', async () => {
    const counts: number[] = [];
    for (const more of [0, 30]) {
      for (let i = 0; i < more; i++) {
        await createTask(bob, team, { title: `More ${i}`, assigneeId: ada.userId });
      }
      await ada.get('/api/v1/me/work');
      statements.length = 0;
      counting = true;
      const res = await ada.get('/api/v1/me/work');
      counting = false;
      expect(res.statusCode).toBe(200);
      counts.push(statements.length);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(statements.filter((s) => /from tasks t/.test(s))).toHaveLength(1);
    expect(statements.filter((s) => /from task_followers f/.test(s))).toHaveLength(1);
  });
});
