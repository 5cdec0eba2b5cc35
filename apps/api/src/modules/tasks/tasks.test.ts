import type { Task } from '@taskflow/contract';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodyOf } from '../../test/api-client.ts';
import { createTeam, useTestUsers } from '../../test/users.ts';
import { createTask, createWorkspace, listAll, tasksPath } from '../../test/workspaces.ts';

const { ctx, ada, bob } = useTestUsers(['ada', 'bob']);
let ws: string;
let base: string;

beforeAll(async () => {
  ws = await createTeam(ada, 'Tasks', bob);
  base = tasksPath(ws);
});

const ifMatch = (version: number | string) => ({ 'if-match': `"${version}"` });

describe('creating and reading tasks', () => {
  it('fills defaults, answers 201 with the version as ETag, and reads back the same', async () => {
    const res = await ada.api.post('/api/v1/workspaces/{workspaceId}/tasks', {
      path: { workspaceId: ws },
      body: { title: '  Write the brief ' },
    });
    const task = bodyOf(res, 201);
    expect(res.headers.etag).toBe('"1"');
    expect(task).toMatchObject({
      workspaceId: ws,
      title: 'Write the brief',
      description: '',
      status: 'todo',
      priority: 'medium',
      dueDate: null,
      assigneeId: null,
      labels: [],
      version: 1,
      createdBy: ada.userId,
      completedAt: null,
    });
    const read = await ada.get(`${base}/${task.id}`);
    expect(read.json()).toEqual(task);
    expect(read.headers.etag).toBe('"1"');
  });

  it('keeps labels once each, and a task created done is completed', async () => {
    const task = await createTask(ada, ws, {
      title: 'Ship',
      status: 'done',
      labels: ['Release', 'release', ' ops '],
      dueDate: '2026-02-28',
      assigneeId: bob.userId,
    });
    expect(task.labels).toEqual(['Release', 'ops']);
    expect(task.completedAt).not.toBeNull();
    expect(task).toMatchObject({ dueDate: '2026-02-28', assigneeId: bob.userId });
  });

  it.each([
    [{ title: '' }, 'body.title'],
    [{ title: 'x'.repeat(201) }, 'body.title'],
    [{ title: 'a\u0000b' }, 'body.title'],
    [{ title: 'x', description: 'd'.repeat(10_001) }, 'body.description'],
    [{ title: 'x', status: 'blocked' }, 'body.status'],
    [{ title: 'x', priority: 'critical' }, 'body.priority'],
    [{ title: 'x', dueDate: '2026-02-30' }, 'body.dueDate'],
    [{ title: 'x', labels: Array.from({ length: 21 }, (_, i) => `l${i}`) }, 'body.labels'],
    [{ title: 'x', labels: [''] }, 'body.labels.0'],
    [{ title: 'x', assigneeId: 'not-a-uuid' }, 'body.assigneeId'],
  ])('refuses %j naming %s', async (body, path) => {
    const res = await ada.send('POST', base, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('keeps line breaks in descriptions', async () => {
    const task = await createTask(ada, ws, {
      title: 'Notes',
      description: '# Plan\n\n- one\r\n\t- two',
    });
    expect(task.description).toBe('# Plan\n\n- one\r\n\t- two');
  });
});

describe('updating', () => {
  it('changes only the fields sent; completion follows the status', async () => {
    const task = await createTask(ada, ws, { title: 'Edit me', labels: ['a'] });
    const done = await bob.send('PATCH', `${base}/${task.id}`, { status: 'done' });
    expect(done.json()).toMatchObject({
      title: 'Edit me',
      labels: ['a'],
      status: 'done',
      version: 2,
    });
    expect(done.json().completedAt).not.toBeNull();
    expect(done.headers.etag).toBe('"2"');
    const reopened = await bob.send('PATCH', `${base}/${task.id}`, { status: 'in_progress' });
    expect(reopened.json()).toMatchObject({ completedAt: null, version: 3 });
    const cleared = await bob.send('PATCH', `${base}/${task.id}`, { dueDate: null, labels: [] });
    expect(cleared.json()).toMatchObject({ dueDate: null, labels: [], version: 4 });
  });

  it('an empty change is refused', async () => {
    const task = await createTask(ada, ws, { title: 'Nothing' });
    const res = await ada.send('PATCH', `${base}/${task.id}`, {});
    expect(res.statusCode).toBe(400);
  });

  it('If-Match: the matching version applies; a stale one gets 412 with the current task', async () => {
    const task = await createTask(ada, ws, { title: 'Contended' });
    const first = await ada.send('PATCH', `${base}/${task.id}`, { title: 'Mine' }, ifMatch(1));
    expect(first.statusCode).toBe(200);
    const stale = await bob.send('PATCH', `${base}/${task.id}`, { title: 'Theirs' }, ifMatch(1));
    expect(stale.statusCode).toBe(412);
    expect(stale.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(stale.headers.etag).toBe('"2"');
    expect(stale.json()).toMatchObject({ code: 'PRECONDITION_FAILED', current: first.json() });
    const any = await bob.send(
      'PATCH',
      `${base}/${task.id}`,
      { title: 'Any' },
      { 'if-match': '*' },
    );
    expect(any.json().version).toBe(3);
  });

  it('a malformed If-Match is a 400 on the header', async () => {
    const task = await createTask(ada, ws, { title: 'Header' });
    for (const value of ['1', 'W/"1"', '"x"', '""']) {
      const res = await ada.send(
        'PATCH',
        `${base}/${task.id}`,
        { title: 'y' },
        { 'if-match': value },
      );
      expect(res.statusCode, value).toBe(400);
      expect(res.json().errors[0].path).toBe('headers.if-match');
    }
  });
});

describe('deleting and restoring', () => {
  it('a deleted task is gone from reads and lists until restored, with its fields intact', async () => {
    const task = await createTask(ada, ws, { title: 'Oops', labels: ['keep'] });
    expect((await ada.send('DELETE', `${base}/${task.id}`)).statusCode).toBe(204);
    expect((await ada.get(`${base}/${task.id}`)).statusCode).toBe(404);
    expect((await ada.send('DELETE', `${base}/${task.id}`)).statusCode).toBe(404);
    expect((await listAll(ada, ws, 'limit=100')).some((t) => t.id === task.id)).toBe(false);
    const patched = await ada.send('PATCH', `${base}/${task.id}`, { title: 'ghost' });
    expect(patched.statusCode).toBe(404);

    const restored = await ada.send('POST', `${base}/${task.id}/restore`);
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({
      title: 'Oops',
      labels: ['keep'],
      position: task.position,
    });
    // Restoring a live task is harmless.
    expect((await ada.send('POST', `${base}/${task.id}/restore`)).json().id).toBe(task.id);
  });

  it('after the restore window, a deleted task cannot come back', async () => {
    const task = await createTask(ada, ws, { title: 'Long gone' });
    await ada.send('DELETE', `${base}/${task.id}`);
    await sql`update tasks set deleted_at = now() - interval '31 days' where id = ${task.id}`.execute(
      ctx.database.db,
    );
    expect((await ada.send('POST', `${base}/${task.id}/restore`)).statusCode).toBe(404);
  });
});

describe('bulk status', () => {
  it('changes every listed task, in the order given', async () => {
    const a = await createTask(ada, ws, { title: 'Bulk A' });
    const b = await createTask(ada, ws, { title: 'Bulk B' });
    const res = await bob.send('POST', `${base}/bulk-status`, {
      ids: [b.id, a.id],
      status: 'done',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((t: Task) => [t.id, t.status, t.version])).toEqual([
      [b.id, 'done', 2],
      [a.id, 'done', 2],
    ]);
  });

  it('is all or nothing: one unknown id and nothing changes', async () => {
    const a = await createTask(ada, ws, { title: 'Bulk C' });
    const deleted = await createTask(ada, ws, { title: 'Bulk D' });
    await ada.send('DELETE', `${base}/${deleted.id}`);
    const res = await ada.send('POST', `${base}/bulk-status`, {
      ids: [a.id, deleted.id],
      status: 'done',
    });
    expect(res.statusCode).toBe(404);
    expect((await ada.get(`${base}/${a.id}`)).json()).toMatchObject({ status: 'todo', version: 1 });
  });

  it('refuses repeated ids and more than 100', async () => {
    const a = await createTask(ada, ws, { title: 'Bulk E' });
    const twice = await ada.send('POST', `${base}/bulk-status`, {
      ids: [a.id, a.id],
      status: 'done',
    });
    expect(twice.statusCode).toBe(400);
    const many = Array.from({ length: 101 }, () => crypto.randomUUID());
    const tooMany = await ada.send('POST', `${base}/bulk-status`, { ids: many, status: 'done' });
    expect(tooMany.statusCode).toBe(400);
  });
});

describe('labels', () => {
  it('lists the labels in use, once each, sorted', async () => {
    const other = (await createWorkspace(ada, 'Labels')).id;
    await createTask(ada, other, { title: 'a', labels: ['zeta', 'alpha'] });
    await createTask(ada, other, { title: 'b', labels: ['alpha', 'mid'] });
    const gone = await createTask(ada, other, { title: 'c', labels: ['deleted-only'] });
    await ada.send('DELETE', `${tasksPath(other)}/${gone.id}`);
    const res = await ada.get(`/api/v1/workspaces/${other}/labels`);
    expect(res.json()).toEqual({ items: ['alpha', 'mid', 'zeta'] });
  });
});
