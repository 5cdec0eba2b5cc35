import type { Task } from '@taskflow/contract';
import { beforeAll, expect, it, vi } from 'vitest';
import { useFuzzApp } from '../../test/fuzz/app.ts';
import { describeFuzz, type PlannedOperation } from '../../test/fuzz/runner.ts';
import type { User } from '../../test/workspaces.ts';
import { addMember, createTask, createWorkspace, newUser } from '../../test/workspaces.ts';

vi.mock('@node-rs/argon2', async (actual) =>
  (await import('../../test/fuzz/passwords.ts')).cheapArgon2(actual),
);

/**
 * Every workspace and task operation of the served document, fuzzed from its own schemas with
 * real ids mixed in: no answer may be a server error, an undeclared status or a body off its
 * schema. Operations that destroy get workspaces of their own, so the others keep their data.
 */
const ctx = useFuzzApp({ ADD_MEMBER_RATE_LIMIT: '100000', EXPORTS_PER_HOUR: '1000' });
const tasksOfShared = () => `/api/v1/workspaces/${known.shared}/tasks`;
let owner: User;
let teammate: User;
let outsider: User;

const known = {
  shared: '',
  tasks: [] as string[],
  foreignTask: '',
  cursors: [] as string[],
  spares: [] as string[],
  removable: '',
  removableMembers: [] as string[],
  roles: '',
  joinable: [] as string[],
  invites: '',
  exports: [] as string[],
  /** A workspace of its own for bulk actions (they delete), with pairs of its tasks. */
  bulk: '',
  bulkPairs: [] as string[][],
};

beforeAll(async () => {
  owner = await newUser(ctx.app, ctx.database, 'owner@example.com');
  teammate = await newUser(ctx.app, ctx.database, 'teammate@example.com');
  outsider = await newUser(ctx.app, ctx.database, 'outsider@example.com');
  known.shared = (await createWorkspace(owner, 'Shared')).id;
  await addMember(owner, known.shared, teammate.email);
  for (const [i, status] of ['todo', 'in_progress', 'done', 'todo', 'done'].entries()) {
    const task = await createTask(owner, known.shared, {
      title: `Task ${i}`,
      status,
      labels: ['ops'],
      dueDate: `2026-0${i + 1}-15`,
      assigneeId: i % 2 ? teammate.userId : null,
    });
    known.tasks.push(task.id);
  }
  known.foreignTask = (await createTask(outsider, outsider.personalId, { title: 'Not yours' })).id;
  for (const sort of ['position', 'updated', 'created', 'due', 'priority']) {
    const page = (await owner.get(`${tasksOfShared()}?sort=${sort}&limit=2`)).json();
    known.cursors.push(page.nextCursor);
  }
  for (let i = 0; i < 5; i++) known.spares.push((await createWorkspace(owner, `Spare ${i}`)).id);
  known.removable = (await createWorkspace(owner, 'Removable')).id;
  for (let i = 0; i < 5; i++) {
    const user = await newUser(ctx.app, ctx.database, `removable${i}@example.com`);
    await addMember(owner, known.removable, user.email);
    known.removableMembers.push(user.userId);
  }
  known.roles = (await createWorkspace(owner, 'Roles')).id;
  await addMember(owner, known.roles, teammate.email);
  for (let i = 0; i < 5; i++) {
    const ws = (await createWorkspace(teammate, `Joinable ${i}`)).id;
    await addMember(teammate, ws, owner.email);
    known.joinable.push(ws);
  }
  known.invites = (await createWorkspace(owner, 'Invites')).id;
  known.bulk = (await createWorkspace(owner, 'Bulk')).id;
  for (let i = 0; i < 8; i++) {
    const pair = [];
    for (const title of ['A', 'B']) pair.push((await createTask(owner, known.bulk, { title })).id);
    known.bulkPairs.push(pair);
  }
  const made = (await owner.send('POST', `/api/v1/workspaces/${known.shared}/exports`)).json();
  known.exports.push(made.id);
  // The in-process worker makes it: wait until it can be downloaded.
  for (let tries = 0; ; tries++) {
    const res = await owner.get(`/api/v1/workspaces/${known.shared}/exports/${made.id}`);
    if (res.json().status === 'ready') break;
    if (tries > 200) throw new Error(`the export was not made: ${res.body}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
});

const ids = () => ({
  exportId: known.exports,
  workspaceId: [known.shared, known.shared, owner.personalId, outsider.personalId],
  taskId: [...known.tasks, known.foreignTask],
  afterId: known.tasks,
  beforeId: known.tasks,
  assigneeId: [teammate.userId, owner.userId, outsider.userId],
  'if-match': ['"1"', '"2"', '"999"', '"999"', '*'],
});
/** An operation on the ids above that must answer each of `reaches`. */
const onIds = (...reaches: number[]): PlannedOperation => ({ examples: ids, reaches });

/** In run order: the operations that destroy come last. */
const plan: Record<string, PlannedOperation> = {
  'GET /api/v1/workspaces': { reaches: [200] },
  'POST /api/v1/workspaces': { reaches: [201, 400] },
  'GET /api/v1/workspaces/{workspaceId}': onIds(200, 400, 404),
  'PATCH /api/v1/workspaces/{workspaceId}': onIds(200, 400, 404),
  'GET /api/v1/workspaces/{workspaceId}/members': onIds(200, 400, 404),
  'GET /api/v1/workspaces/{workspaceId}/tasks': {
    examples: () => ({
      ...ids(),
      cursor: known.cursors,
      sort: ['position', 'due'],
      assignee: ['me', 'none', teammate.userId],
      label: ['ops'],
      q: ['task', 'task 1', '!!'],
    }),
    reaches: [200, 400, 404],
  },
  'GET /api/v1/workspaces/{workspaceId}/tasks/counts': {
    examples: () => ({
      ...ids(),
      assignee: ['me', 'none', teammate.userId],
      label: ['ops'],
      q: ['task', '!!'],
    }),
    reaches: [200, 400, 404],
  },
  'POST /api/v1/workspaces/{workspaceId}/tasks': onIds(201, 400, 404),
  'GET /api/v1/workspaces/{workspaceId}/tasks/{taskId}': onIds(200, 400, 404),
  'PATCH /api/v1/workspaces/{workspaceId}/tasks/{taskId}': onIds(200, 400, 404, 412),
  'POST /api/v1/workspaces/{workspaceId}/tasks/{taskId}/move': onIds(200, 400, 404, 412),
  'POST /api/v1/workspaces/{workspaceId}/tasks/bulk-status': {
    examples: () => ({ ...ids(), ids: [known.tasks.slice(0, 2), [known.tasks[4]]] }),
    reaches: [200, 400, 404],
  },
  'POST /api/v1/workspaces/{workspaceId}/tasks/bulk': {
    examples: () => ({
      ...ids(),
      workspaceId: [known.bulk, known.bulk, known.bulk, outsider.personalId],
      taskIds: [...known.bulkPairs, [known.foreignTask]],
    }),
    reaches: [200, 400, 404],
  },
  'GET /api/v1/workspaces/{workspaceId}/tasks/{taskId}/history': onIds(200, 400, 404),
  'GET /api/v1/workspaces/{workspaceId}/labels': onIds(200, 400, 404),
  'GET /api/v1/workspaces/{workspaceId}/stats': {
    examples: () => ({ ...ids(), tz: ['Europe/Paris', 'Asia/Kolkata'] }),
    reaches: [200, 400, 404],
  },
  'GET /api/v1/workspaces/{workspaceId}/trash': onIds(200, 400, 404),
  'POST /api/v1/workspaces/{workspaceId}/exports': onIds(202, 400, 404),
  'GET /api/v1/workspaces/{workspaceId}/exports/{exportId}': onIds(200, 400, 404),
  'GET /api/v1/workspaces/{workspaceId}/exports/{exportId}/download': onIds(200, 400, 404),
  'POST /api/v1/workspaces/{workspaceId}/members': {
    examples: () => ({
      workspaceId: [known.invites],
      email: [outsider.email, teammate.email, 'nobody@example.com'],
    }),
    reaches: [201, 400, 404, 409],
  },
  'PATCH /api/v1/workspaces/{workspaceId}/members/{userId}': {
    examples: () => ({ workspaceId: [known.roles], userId: [teammate.userId, owner.userId] }),
    reaches: [200, 400, 404],
  },
  'DELETE /api/v1/workspaces/{workspaceId}/tasks/{taskId}': onIds(204, 400, 404),
  'POST /api/v1/workspaces/{workspaceId}/tasks/{taskId}/restore': onIds(200, 400, 404),
  'DELETE /api/v1/workspaces/{workspaceId}/members/{userId}': {
    examples: () => ({ workspaceId: [known.removable], userId: known.removableMembers }),
    reaches: [204, 400, 404],
  },
  'POST /api/v1/workspaces/{workspaceId}/leave': {
    examples: () => ({ workspaceId: [...known.joinable, owner.personalId] }),
    reaches: [204, 400, 404, 409],
  },
  'DELETE /api/v1/workspaces/{workspaceId}': {
    examples: () => ({ workspaceId: [...known.spares, owner.personalId] }),
    reaches: [204, 400, 404, 409],
  },
};

describeFuzz('schema-driven fuzzing of the workspace and task operations', {
  tags: ['workspaces', 'tasks'],
  target: () => ctx,
  // Many runs: a success needs several generated values to be real ids at once.
  runs: 400,
  headers: () => ({ authorization: `Bearer ${owner.accessToken}` }),
  plan,
});

it('touched nothing outside the operation under test: the shared workspace is whole', async () => {
  const res = await owner.get(`${tasksOfShared()}?limit=100`);
  expect(res.statusCode).toBe(200);
  expect((res.json().items as Task[]).length).toBeGreaterThan(0);
});
