import { beforeAll, vi } from 'vitest';
import { useFuzzApp } from '../../test/fuzz/app.ts';
import { describeFuzz, type PlannedOperation } from '../../test/fuzz/runner.ts';
import type { User } from '../../test/workspaces.ts';
import { addMember, createTask, createWorkspace, newUser } from '../../test/workspaces.ts';

vi.mock('@node-rs/argon2', async (actual) =>
  (await import('../../test/fuzz/passwords.ts')).cheapArgon2(actual),
);

/**
 * Every notifications operation of the served document, fuzzed from its own schemas with real
 * ids mixed in: no server error, no undeclared status, no body off its schema.
 */
const ctx = useFuzzApp({ ADD_MEMBER_RATE_LIMIT: '100000' });
let owner: User;
const known = { workspace: '', foreign: '', tasks: [] as string[] };
/** The first page of the owner's notifications. */
let page: { items: { id: string }[]; nextCursor: string };

beforeAll(async () => {
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
  page = (await owner.get('/api/v1/notifications?limit=2')).json();
});

const following: PlannedOperation = {
  examples: () => ({ workspaceId: [known.workspace], taskId: [...known.tasks, known.foreign] }),
  reaches: [200, 400, 404],
};
const plan: Record<string, PlannedOperation> = {
  'GET /api/v1/notifications': {
    examples: () => ({ cursor: [page.nextCursor], unread: ['true', 'false'] }),
    reaches: [200, 400],
  },
  'POST /api/v1/notifications/read': {
    examples: () => ({ ids: [page.items.map((n) => n.id)] }),
    reaches: [200, 400],
  },
  'GET /api/v1/notifications/settings': { reaches: [200] },
  'PUT /api/v1/notifications/settings': { reaches: [200, 400] },
  'GET /api/v1/workspaces/{workspaceId}/tasks/{taskId}/follow': following,
  'PUT /api/v1/workspaces/{workspaceId}/tasks/{taskId}/follow': following,
  'DELETE /api/v1/workspaces/{workspaceId}/tasks/{taskId}/follow': following,
};

describeFuzz('schema-driven fuzzing of the notifications operations', {
  tags: ['notifications'],
  target: () => ctx,
  runs: 200,
  headers: () => ({ authorization: `Bearer ${owner.accessToken}` }),
  plan,
});
