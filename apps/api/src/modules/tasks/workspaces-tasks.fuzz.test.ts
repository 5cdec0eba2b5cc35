import type { Task } from '@taskflow/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.ts';
import {
  type Examples,
  fuzzOperation,
  listOperations,
  loadOpenApiDocument,
  type OpenApiDocument,
  operationKey,
} from '../../test/fuzz/index.ts';
import {
  addMember,
  createTask,
  createWorkspace,
  newUser,
  tasksPath,
  type User,
} from '../../test/workspaces.ts';

/**
 * Every workspace and task operation of the served document, fuzzed from its own schemas with
 * real ids mixed in: no answer may be a server error, an undeclared status or a body off its
 * schema. Operations that destroy get workspaces of their own, so the others keep their data.
 */
const ctx = useTestApp({
  RATE_LIMIT_MAX: '1000000',
  ADD_MEMBER_RATE_LIMIT: '100000',
  EXPORTS_PER_HOUR: '1000',
});
let doc: OpenApiDocument;
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
};

beforeAll(async () => {
  doc = await loadOpenApiDocument(ctx.app);
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
    const page = (await owner.get(`${tasksPath(known.shared)}?sort=${sort}&limit=2`)).json();
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

type Plan = {
  examples: () => Examples;
  /** Statuses the run must have produced, so the generator is known to reach them. */
  reaches: number[];
};

const ids = () => ({
  exportId: known.exports,
  workspaceId: [known.shared, known.shared, owner.personalId, outsider.personalId],
  taskId: [...known.tasks, known.foreignTask],
  afterId: known.tasks,
  beforeId: known.tasks,
  assigneeId: [teammate.userId, owner.userId, outsider.userId],
  'if-match': ['"1"', '"2"', '"999"', '"999"', '*'],
});

/** In run order: the operations that destroy come last. */
const plan: Record<string, Plan> = {
  'GET /api/v1/workspaces': { examples: () => ({}), reaches: [200] },
  'POST /api/v1/workspaces': { examples: () => ({}), reaches: [201, 400] },
  'GET /api/v1/workspaces/{workspaceId}': { examples: ids, reaches: [200, 400, 404] },
  'PATCH /api/v1/workspaces/{workspaceId}': { examples: ids, reaches: [200, 400, 404] },
  'GET /api/v1/workspaces/{workspaceId}/members': { examples: ids, reaches: [200, 400, 404] },
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
  'POST /api/v1/workspaces/{workspaceId}/tasks': { examples: ids, reaches: [201, 400, 404] },
  'GET /api/v1/workspaces/{workspaceId}/tasks/{taskId}': {
    examples: ids,
    reaches: [200, 400, 404],
  },
  'PATCH /api/v1/workspaces/{workspaceId}/tasks/{taskId}': {
    examples: ids,
    reaches: [200, 400, 404, 412],
  },
  'POST /api/v1/workspaces/{workspaceId}/tasks/{taskId}/move': {
    examples: ids,
    reaches: [200, 400, 404, 412],
  },
  'POST /api/v1/workspaces/{workspaceId}/tasks/bulk-status': {
    examples: () => ({ ...ids(), ids: [known.tasks.slice(0, 2), [known.tasks[4]]] }),
    reaches: [200, 400, 404],
  },
  'GET /api/v1/workspaces/{workspaceId}/labels': { examples: ids, reaches: [200, 400, 404] },
  'GET /api/v1/workspaces/{workspaceId}/stats': {
    examples: () => ({ ...ids(), tz: ['Europe/Paris', 'Asia/Kolkata'] }),
    reaches: [200, 400, 404],
  },
  'POST /api/v1/workspaces/{workspaceId}/exports': { examples: ids, reaches: [202, 400, 404] },
  'GET /api/v1/workspaces/{workspaceId}/exports/{exportId}': {
    examples: ids,
    reaches: [200, 400, 404],
  },
  'GET /api/v1/workspaces/{workspaceId}/exports/{exportId}/download': {
    examples: ids,
    reaches: [200, 400, 404],
  },
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
  'DELETE /api/v1/workspaces/{workspaceId}/tasks/{taskId}': {
    examples: ids,
    reaches: [204, 400, 404],
  },
  'POST /api/v1/workspaces/{workspaceId}/tasks/{taskId}/restore': {
    examples: ids,
    reaches: [200, 400, 404],
  },
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

describe('schema-driven fuzzing of the workspace and task operations', () => {
  it('covers every operation the document tags workspaces or tasks', () => {
    const documented = listOperations(doc, ['workspaces', 'tasks']).map(operationKey);
    expect(Object.keys(plan).sort()).toEqual(documented.sort());
  });

  for (const [key, { examples, reaches }] of Object.entries(plan)) {
    const [method = '', path = ''] = key.split(' ');
    it(`${key} answers every generated request as documented`, async () => {
      const report = await fuzzOperation(ctx.app, doc, {
        method,
        path,
        // Many runs: a success needs several generated values to be real ids at once.
        runs: 400,
        headers: () => ({ authorization: `Bearer ${owner.accessToken}` }),
        examples: examples(),
      });
      expect(Object.keys(report.statuses).map(Number)).toEqual(expect.arrayContaining(reaches));
    }, 120_000);
  }

  it('touched nothing outside the operation under test: the shared workspace is whole', async () => {
    const res = await owner.get(`${tasksPath(known.shared)}?limit=100`);
    expect(res.statusCode).toBe(200);
    expect((res.json().items as Task[]).length).toBeGreaterThan(0);
  });
});
