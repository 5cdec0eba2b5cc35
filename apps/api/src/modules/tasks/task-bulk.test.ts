import type { BulkTasksBody, Task } from '@taskflow/contract';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTeam, useTestUsers } from '../../test/users.ts';
import { type Client, createTask, tasksPath } from '../../test/workspaces.ts';

const { ctx, ada, bob, cy } = useTestUsers(['ada', 'bob', 'cy']);
let ws: string;

beforeAll(async () => {
  ws = await createTeam(ada, 'Bulk', bob);
});

const bulk = (client: Client, workspaceId: string, body: BulkTasksBody) =>
  client.send('POST', `${tasksPath(workspaceId)}/bulk`, body);

const two = async (workspaceId = ws, extra: Record<string, unknown> = {}) => [
  await createTask(ada, workspaceId, { title: 'One', ...extra }),
  await createTask(ada, workspaceId, { title: 'Two', ...extra }),
];

const ids = (tasks: Task[]) => tasks.map((t) => t.id);

const eventsOf = (workspaceId: string, taskId: string) =>
  ctx.database.db
    .selectFrom('events')
    .select(['type', 'actor_id'])
    .where('workspace_id', '=', workspaceId)
    .where(sql<boolean>`coalesce(payload->>'taskId', payload->'task'->>'id') = ${taskId}`)
    .orderBy('id')
    .execute();

const historyOf = async (client: Client, workspaceId: string, taskId: string) =>
  (await client.get(`${tasksPath(workspaceId)}/${taskId}/history`)).json().items;

describe('bulk actions on tasks', () => {
  it('sets status, priority and assignee, answering the tasks in the order asked', async () => {
    const [a, b] = await two();
    if (!a || !b) throw new Error('no tasks');
    const status = await bulk(bob, ws, {
      taskIds: [b.id, a.id],
      action: { type: 'status', status: 'done' },
    });
    expect(status.statusCode).toBe(200);
    expect(status.json().items.map((t: Task) => [t.id, t.status, t.version])).toEqual([
      [b.id, 'done', 2],
      [a.id, 'done', 2],
    ]);
    const priority = await bulk(bob, ws, {
      taskIds: [a.id, b.id],
      action: { type: 'priority', priority: 'urgent' },
    });
    expect(priority.json().items.map((t: Task) => t.priority)).toEqual(['urgent', 'urgent']);
    const assign = await bulk(ada, ws, {
      taskIds: [a.id, b.id],
      action: { type: 'assignee', assigneeId: bob.userId },
    });
    expect(assign.json().items.map((t: Task) => t.assigneeId)).toEqual([bob.userId, bob.userId]);
    const notMember = await bulk(ada, ws, {
      taskIds: [a.id],
      action: { type: 'assignee', assigneeId: cy.userId },
    });
    expect(notMember.statusCode).toBe(400);
  });

  it('records each change in the task’s history and publishes it', async () => {
    const [a] = await two();
    if (!a) throw new Error('no task');
    await bulk(bob, ws, { taskIds: [a.id], action: { type: 'priority', priority: 'low' } });
    const [entry] = await historyOf(ada, ws, a.id);
    expect(entry).toMatchObject({
      kind: 'task.updated',
      actorId: bob.userId,
      changes: [{ field: 'priority', from: 'medium', to: 'low' }],
    });
    const events = await eventsOf(ws, a.id);
    expect(events.at(-1)).toEqual({ type: 'task.updated', actor_id: bob.userId });
  });

  it('adds and removes labels, case-insensitively, leaving tasks that had them as they were', async () => {
    const a = await createTask(ada, ws, { title: 'L1', labels: ['Web'] });
    const b = await createTask(ada, ws, { title: 'L2', labels: [] });
    const add = await bulk(ada, ws, {
      taskIds: [a.id, b.id],
      action: { type: 'addLabels', labels: ['web', 'ops'] },
    });
    expect(add.json().items.map((t: Task) => [t.labels, t.version])).toEqual([
      [['Web', 'ops'], 2],
      [['web', 'ops'], 2],
    ]);
    const remove = await bulk(ada, ws, {
      taskIds: [a.id, b.id],
      action: { type: 'removeLabels', labels: ['WEB'] },
    });
    expect(remove.json().items.map((t: Task) => t.labels)).toEqual([['ops'], ['ops']]);
    const full = await createTask(ada, ws, {
      title: 'Full',
      labels: Array.from({ length: 20 }, (_, i) => `l${i}`),
    });
    const tooMany = await bulk(ada, ws, {
      taskIds: [full.id],
      action: { type: 'addLabels', labels: ['one-more'] },
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().code).toBe('VALIDATION_FAILED');
  });

  it('deletes to the trash, each task restorable', async () => {
    const tasks = await two();
    const res = await bulk(bob, ws, { taskIds: ids(tasks), action: { type: 'delete' } });
    expect(res.statusCode).toBe(200);
    for (const t of tasks) {
      expect((await ada.get(`${tasksPath(ws)}/${t.id}`)).statusCode).toBe(404);
      expect((await eventsOf(ws, t.id)).at(-1)?.type).toBe('task.deleted');
      expect((await ada.send('POST', `${tasksPath(ws)}/${t.id}/restore`)).statusCode).toBe(200);
    }
  });

  it('is all or nothing: a task of another workspace, or a deleted one, and nothing changes', async () => {
    const [a] = await two();
    const elsewhere = await createTask(ada, ada.personalId, { title: 'Mine' });
    if (!a) throw new Error('no task');
    const res = await bulk(ada, ws, {
      taskIds: [a.id, elsewhere.id],
      action: { type: 'status', status: 'done' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
    expect((await ada.get(`${tasksPath(ws)}/${a.id}`)).json()).toMatchObject({ version: 1 });
    expect((await ada.get(`${tasksPath(ada.personalId)}/${elsewhere.id}`)).json()).toMatchObject({
      version: 1,
    });
  });

  it('answers 404 to a non-member, and refuses repeated or too many ids', async () => {
    const [a] = await two();
    if (!a) throw new Error('no task');
    const outsider = await bulk(cy, ws, { taskIds: [a.id], action: { type: 'delete' } });
    expect(outsider.statusCode).toBe(404);
    expect((await ada.get(`${tasksPath(ws)}/${a.id}`)).statusCode).toBe(200);
    const twice = await bulk(ada, ws, { taskIds: [a.id, a.id], action: { type: 'delete' } });
    expect(twice.statusCode).toBe(400);
    const many = Array.from({ length: 201 }, () => crypto.randomUUID());
    expect((await bulk(ada, ws, { taskIds: many, action: { type: 'delete' } })).statusCode).toBe(
      400,
    );
    const unknown = await bulk(ada, ws, {
      taskIds: [a.id],
      action: { type: 'archive' } as never,
    });
    expect(unknown.statusCode).toBe(400);
  });
});

describe('moving tasks to another workspace', () => {
  it('moves them with their comments and history, clearing assignees who are not members there', async () => {
    const target = await createTeam(ada, 'Target', cy);
    const kept = await createTask(ada, ws, { title: 'Kept', assigneeId: ada.userId });
    const cleared = await createTask(ada, ws, { title: 'Cleared', assigneeId: bob.userId });
    await ada.send('POST', `${tasksPath(ws)}/${kept.id}/comments`, { body: 'Travels along' });
    const res = await bulk(ada, ws, {
      taskIds: [kept.id, cleared.id],
      action: { type: 'move', targetWorkspaceId: target },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((t: Task) => [t.workspaceId, t.assigneeId])).toEqual([
      [target, ada.userId],
      [target, null],
    ]);
    expect((await bob.get(`${tasksPath(ws)}/${kept.id}`)).statusCode).toBe(404);
    expect((await cy.get(`${tasksPath(target)}/${kept.id}`)).statusCode).toBe(200);
    const comments = await cy.get(`${tasksPath(target)}/${kept.id}/comments`);
    expect(comments.json().items.map((c: { body: string }) => c.body)).toEqual(['Travels along']);
    const [moved] = await historyOf(cy, target, cleared.id);
    expect(moved).toMatchObject({
      kind: 'task.moved',
      changes: [{ field: 'assigneeId', from: bob.userId, to: null }],
    });
    expect((await eventsOf(ws, kept.id)).at(-1)?.type).toBe('task.deleted');
    expect((await eventsOf(target, kept.id)).at(-1)?.type).toBe('task.created');
  });

  it('needs the caller to be a member of the target workspace', async () => {
    const [a] = await two();
    if (!a) throw new Error('no task');
    for (const targetWorkspaceId of [cy.personalId, crypto.randomUUID(), ws]) {
      const res = await bulk(bob, ws, {
        taskIds: [a.id],
        action: { type: 'move', targetWorkspaceId },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe('body.action.targetWorkspaceId');
    }
    expect((await ada.get(`${tasksPath(ws)}/${a.id}`)).json()).toMatchObject({ version: 1 });
  });
});
