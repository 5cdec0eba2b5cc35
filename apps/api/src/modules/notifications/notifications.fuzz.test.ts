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
  type User,
} from '../../test/workspaces.ts';

/**
 * Every notifications operation of the served document, fuzzed from its own schemas with real
 * ids mixed in: no server error, no undeclared status, no body off its schema.
 */
const ctx = useTestApp({ RATE_LIMIT_MAX: '1000000', ADD_MEMBER_RATE_LIMIT: '100000' });
let doc: OpenApiDocument;
let owner: User;
const known = {
  workspace: '',
  tasks: [] as string[],
  foreign: '',
  notifications: [] as string[],
  cursors: [] as string[],
};

beforeAll(async () => {
  doc = await loadOpenApiDocument(ctx.app);
  owner = await newUser(ctx.app, ctx.database, 'owner@example.com');
  const teammate = await newUser(ctx.app, ctx.database, 'teammate@example.com');
  const outsider = await newUser(ctx.app, ctx.database, 'outsider@example.com');
  known.workspace = (await createWorkspace(teammate, 'Shared')).id;
  await addMember(teammate, known.workspace, owner.email);
  for (let i = 0; i < 5; i++) {
    const task = await createTask(teammate, known.workspace, {
      title: `T${i}`,
      assigneeId: owner.userId,
    });
    known.tasks.push(task.id);
  }
  known.foreign = (await createTask(outsider, outsider.personalId, { title: 'Not yours' })).id;
  const list = (await owner.get('/api/v1/notifications?limit=2')).json();
  known.notifications = list.items.map((n: { id: string }) => n.id);
  known.cursors = [list.nextCursor];
});

const plan: Record<string, { examples: () => Examples; reaches: number[] }> = {
  'GET /api/v1/notifications': {
    examples: () => ({ cursor: known.cursors, unread: ['true', 'false'] }),
    reaches: [200, 400],
  },
  'POST /api/v1/notifications/read': {
    examples: () => ({ ids: [known.notifications] }),
    reaches: [200, 400],
  },
  'GET /api/v1/workspaces/{workspaceId}/tasks/{taskId}/follow': {
    examples: () => ({ workspaceId: [known.workspace], taskId: [...known.tasks, known.foreign] }),
    reaches: [200, 400, 404],
  },
  'PUT /api/v1/workspaces/{workspaceId}/tasks/{taskId}/follow': {
    examples: () => ({ workspaceId: [known.workspace], taskId: [...known.tasks, known.foreign] }),
    reaches: [200, 400, 404],
  },
  'DELETE /api/v1/workspaces/{workspaceId}/tasks/{taskId}/follow': {
    examples: () => ({ workspaceId: [known.workspace], taskId: [...known.tasks, known.foreign] }),
    reaches: [200, 400, 404],
  },
};

describe('schema-driven fuzzing of the notifications operations', () => {
  it('covers every operation the document tags notifications', () => {
    const documented = listOperations(doc, ['notifications']).map(operationKey);
    expect(Object.keys(plan).sort()).toEqual(documented.sort());
  });

  for (const [key, { examples, reaches }] of Object.entries(plan)) {
    const [method = '', path = ''] = key.split(' ');
    it(`${key} answers every generated request as documented`, async () => {
      const report = await fuzzOperation(ctx.app, doc, {
        method,
        path,
        runs: 200,
        headers: () => ({ authorization: `Bearer ${owner.accessToken}` }),
        examples: examples(),
      });
      expect(Object.keys(report.statuses).map(Number)).toEqual(expect.arrayContaining(reaches));
    }, 120_000);
  }
});
