import { randomUUID } from 'node:crypto';
import type { Task } from '@taskflow/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccessToken, withAccessToken } from '../../test/access-tokens.ts';
import { bodyOf } from '../../test/api-client.ts';
import { upload } from '../../test/files.ts';
import {
  listOperations,
  loadOpenApiDocument,
  type OpenApiDocument,
  type Operation,
  operationKey,
} from '../../test/fuzz/index.ts';
import { createTeam, useTestUsers } from '../../test/users.ts';
import { type Client, createTask, tasksPath } from '../../test/workspaces.ts';

/**
 * Tenant isolation (OWASP API1 broken object level authorization, API3 broken object property
 * level authorization, API5 broken function level authorization), checked over every workspace
 * and task operation of the served document (following tasks included): new routes join the
 * matrix by being documented.
 */
const { ctx, owner, member, outsider } = useTestUsers(['owner', 'member', 'outsider']);
let doc: OpenApiDocument;
let shared: string;
let task: Task;
let exportId: string;
let commentId: string;
let attachmentId: string;
let invitationId: string;
let labelId: string;

/** A valid body for each operation that takes one: the request must fail for who sends it, not for what. */
const bodies: Record<string, (ids: Ids) => object | undefined> = {
  listWorkspaces: () => undefined,
  createWorkspace: () => ({ name: 'Another' }),
  getWorkspace: () => undefined,
  renameWorkspace: () => ({ name: 'Taken over' }),
  deleteWorkspace: () => undefined,
  listMembers: () => undefined,
  addMember: () => ({ email: 'outsider@example.com' }),
  changeMemberRole: () => ({ role: 'member' }),
  removeMember: () => undefined,
  leaveWorkspace: () => undefined,
  listTasks: () => undefined,
  countTasksByStatus: () => undefined,
  createTask: () => ({ title: 'Planted' }),
  setTasksStatus: (ids) => ({ ids: [ids.taskId], status: 'done' }),
  bulkUpdateTasks: (ids) => ({ taskIds: [ids.taskId], action: { type: 'delete' } }),
  listLabelDefinitions: () => undefined,
  createLabelDefinition: () => ({ name: 'Planted', colour: 'red' }),
  updateLabelDefinition: () => ({ colour: 'red' }),
  deleteLabelDefinition: () => undefined,
  getTask: () => undefined,
  updateTask: () => ({ title: 'Defaced' }),
  deleteTask: () => undefined,
  restoreTask: () => undefined,
  listTrash: () => undefined,
  moveTask: () => ({ status: 'done' }),
  listTaskHistory: () => undefined,
  listComments: () => undefined,
  createComment: () => ({ body: 'Planted' }),
  updateComment: () => ({ body: 'Defaced' }),
  deleteComment: () => undefined,
  listAttachments: () => undefined,
  uploadAttachment: () => undefined,
  createUpload: () => ({ name: 'planted.png', size: 100, contentType: 'image/png' }),
  completeUpload: () => undefined,
  deleteAttachment: () => undefined,
  listLabels: () => undefined,
  getWorkspaceStats: () => undefined,
  listNotifications: () => undefined,
  markNotificationsRead: () => ({ all: true }),
  getNotificationSettings: () => undefined,
  updateNotificationSettings: () => ({ mailOnMention: false }),
  getTaskFollow: () => undefined,
  followTask: () => undefined,
  unfollowTask: () => undefined,
  createExport: () => undefined,
  getExport: () => undefined,
  downloadExport: () => undefined,
  listInvitations: () => undefined,
  inviteByEmail: () => ({ email: 'planted@example.com' }),
  createInviteLink: () => ({}),
  revokeInvitation: () => undefined,
  previewInvitation: () => ({ token: 'x'.repeat(75) }),
  acceptInvitation: () => ({ token: 'x'.repeat(75) }),
};

/** The tags of operations on workspace data (following a task is one). */
const isolatedTags = [
  'workspaces',
  'tasks',
  'comments',
  'attachments',
  'notifications',
  'invitations',
  'labels',
];

/** Operations only an owner of the workspace may perform. */
const ownerOnly = [
  'renameWorkspace',
  'deleteWorkspace',
  'addMember',
  'changeMemberRole',
  'removeMember',
  'listInvitations',
  'inviteByEmail',
  'createInviteLink',
  'revokeInvitation',
  'createLabelDefinition',
  'updateLabelDefinition',
  'deleteLabelDefinition',
];

type Ids = {
  workspaceId: string;
  taskId: string;
  userId: string;
  exportId?: string;
  commentId?: string;
  attachmentId?: string;
  invitationId?: string;
  labelId?: string;
};

function call(client: Pick<Client, 'send'>, op: Operation, ids: Ids) {
  const url = op.path.replace(/\{(\w+)\}/g, (_, name: keyof Ids) => ids[name] ?? randomUUID());
  const body = bodies[op.operationId ?? '']?.(ids);
  return client.send(op.method as 'POST', url, body);
}

/** What a problem says, less what differs on every request. */
function gist(res: { statusCode: number; json: () => Record<string, unknown> }) {
  const { requestId: _, instance: __, ...rest } = res.json();
  return { status: res.statusCode, ...rest };
}

const withIds = (doc: OpenApiDocument) =>
  listOperations(doc, isolatedTags).filter((op) => op.path.includes('{'));

beforeAll(async () => {
  doc = await loadOpenApiDocument(ctx.app);
  shared = await createTeam(owner, 'Shared', member);
  task = await createTask(owner, shared, { title: 'Secret plan', labels: ['internal'] });
  await createTask(outsider, outsider.personalId, { title: 'Outsider task' });
  exportId = (await owner.send('POST', `/api/v1/workspaces/${shared}/exports`)).json().id;
  commentId = (
    await owner.send('POST', `${tasksPath(shared)}/${task.id}/comments`, { body: 'Secret' })
  ).json().id;
  attachmentId = (
    await upload(
      ctx.app,
      owner,
      { workspaceId: shared, taskId: task.id },
      'secret.txt',
      Buffer.from('Secret\n'),
    )
  ).json().id;
  invitationId = (await owner.send('POST', `/api/v1/workspaces/${shared}/invite-links`, {})).json()
    .id;
  labelId = (
    await owner.send('POST', `/api/v1/workspaces/${shared}/label-definitions`, { name: 'Secret' })
  ).json().id;
});

describe('tenant isolation', () => {
  it('gives every workspace and task operation a body in this matrix', () => {
    const documented = listOperations(doc, isolatedTags).map((op) => op.operationId);
    expect(Object.keys(bodies).sort()).toEqual(documented.sort());
  });

  it('a user of another workspace gets 404 from every route given its ids, and learns nothing (API1)', async () => {
    const ops = withIds(doc);
    expect(ops.length).toBeGreaterThanOrEqual(17);
    const real: Ids = {
      workspaceId: shared,
      taskId: task.id,
      userId: owner.userId,
      exportId,
      commentId,
      attachmentId,
      invitationId,
      labelId,
    };
    const ghost: Ids = {
      workspaceId: randomUUID(),
      taskId: randomUUID(),
      userId: randomUUID(),
      exportId: randomUUID(),
      commentId: randomUUID(),
      attachmentId: randomUUID(),
      invitationId: randomUUID(),
      labelId: randomUUID(),
    };
    for (const op of ops) {
      const res = await call(outsider, op, real);
      expect(res.statusCode, `${operationKey(op)}: ${res.body}`).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
      // Byte for byte what an id that never existed gets: nothing tells the two apart.
      const never = await call(outsider, op, ghost);
      expect(gist(res), operationKey(op)).toEqual(gist(never));
    }
  });

  it('a personal access token of that user gets the same 404s: a token reaches no more (API1)', async () => {
    const script = withAccessToken(ctx.app, (await createAccessToken(outsider)).token);
    const real: Ids = {
      workspaceId: shared,
      taskId: task.id,
      userId: owner.userId,
      ...{ exportId, commentId, attachmentId, invitationId, labelId },
    };
    for (const op of withIds(doc)) {
      const res = await call(script, op, real);
      expect(res.statusCode, `${operationKey(op)}: ${res.body}`).toBe(404);
      expect(gist(res), operationKey(op)).toEqual(gist(await call(outsider, op, real)));
    }
  });

  it('a task id of another workspace answers 404 from within the caller’s own workspace', async () => {
    const own = outsider.personalId;
    for (const op of withIds(doc).filter((o) => o.path.includes('{taskId}'))) {
      const res = await call(outsider, op, { workspaceId: own, taskId: task.id, userId: '' });
      const never = await call(outsider, op, {
        workspaceId: own,
        taskId: randomUUID(),
        userId: '',
      });
      expect(res.statusCode, operationKey(op)).toBe(404);
      expect(gist(res)).toEqual(gist(never));
    }
    const bulk = await outsider.send('POST', `${tasksPath(own)}/bulk-status`, {
      ids: [task.id],
      status: 'done',
    });
    expect(bulk.statusCode).toBe(404);
  });

  it('ids of another workspace are refused as references, like unknown ids', async () => {
    const own = outsider.personalId;
    const [mine] = bodyOf(
      await outsider.api.get('/api/v1/workspaces/{workspaceId}/tasks', {
        path: { workspaceId: own },
      }),
      200,
    ).items;
    const moved = await outsider.send('POST', `${tasksPath(own)}/${mine?.id}/move`, {
      afterId: task.id,
    });
    const movedNever = await outsider.send('POST', `${tasksPath(own)}/${mine?.id}/move`, {
      afterId: randomUUID(),
    });
    expect(moved.statusCode).toBe(400);
    expect(gist(moved)).toEqual(gist(movedNever));
    const assigned = await outsider.send('POST', tasksPath(own), {
      title: 'x',
      assigneeId: owner.userId,
    });
    expect(assigned.statusCode).toBe(400);
    expect(assigned.json().errors).toEqual([
      { path: 'body.assigneeId', message: 'The assignee must be a member of the workspace' },
    ]);
  });

  it('nothing of the other workspace changed', async () => {
    const res = await owner.get(`${tasksPath(shared)}/${task.id}`);
    expect(res.json()).toEqual(task);
    const ws = (await owner.get(`/api/v1/workspaces/${shared}`)).json();
    expect(ws).toMatchObject({ name: 'Shared', memberCount: 2 });
    const list = bodyOf(
      await owner.api.get('/api/v1/workspaces/{workspaceId}/tasks', {
        path: { workspaceId: shared },
      }),
      200,
    ).items;
    expect(list.map((t) => t.title)).toEqual(['Secret plan']);
    const comments = (await owner.get(`${tasksPath(shared)}/${task.id}/comments`)).json().items;
    expect(comments.map((c: { id: string; body: string }) => [c.id, c.body])).toEqual([
      [commentId, 'Secret'],
    ]);
    const files = (await owner.get(`${tasksPath(shared)}/${task.id}/attachments`)).json().items;
    expect(files.map((f: { id: string; name: string }) => [f.id, f.name])).toEqual([
      [attachmentId, 'secret.txt'],
    ]);
  });

  it('a member gets 403 from every owner-only operation (API5), and nothing changes', async () => {
    const ids: Ids = {
      workspaceId: shared,
      taskId: task.id,
      userId: owner.userId,
      invitationId,
      labelId,
    };
    for (const id of ownerOnly) {
      const op = withIds(doc).find((o) => o.operationId === id);
      if (!op) throw new Error(`${id} is not documented`);
      const res = await call(member, op, ids);
      expect(res.statusCode, `${id}: ${res.body}`).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    const members = (await owner.get(`/api/v1/workspaces/${shared}/members`)).json().items;
    expect(members.map((m: { role: string }) => m.role).sort()).toEqual(['member', 'owner']);
    expect((await owner.get(`/api/v1/workspaces/${shared}`)).json().name).toBe('Shared');
  });

  it('a member works on tasks but does not see owner-only power in the answers', async () => {
    const res = await member.send('PATCH', `${tasksPath(shared)}/${task.id}`, {
      priority: 'high',
    });
    expect(res.statusCode).toBe(200);
    task = res.json();
    expect((await member.get(`/api/v1/workspaces/${shared}`)).json().role).toBe('member');
  });
});

describe('fields that are not writable are refused, never applied (API3)', () => {
  const readOnly = {
    id: randomUUID(),
    workspaceId: randomUUID(),
    createdBy: randomUUID(),
    version: 99,
    createdAt: '2020-01-01T00:00:00.000Z',
    updatedAt: '2020-01-01T00:00:00.000Z',
    completedAt: '2020-01-01T00:00:00.000Z',
    position: '0',
    deletedAt: null,
  };
  const workspaceReadOnly = {
    id: randomUUID(),
    personal: true,
    role: 'owner',
    memberCount: 9,
    createdBy: randomUUID(),
  };

  const cases = () => [
    {
      what: 'create task',
      method: 'POST',
      url: tasksPath(shared),
      base: { title: 'x' },
      extra: readOnly,
    },
    {
      what: 'update task',
      method: 'PATCH',
      url: `${tasksPath(shared)}/${task.id}`,
      base: { title: 'x' },
      extra: readOnly,
    },
    {
      what: 'move task',
      method: 'POST',
      url: `${tasksPath(shared)}/${task.id}/move`,
      base: { status: 'done' },
      extra: readOnly,
    },
    {
      what: 'bulk status',
      method: 'POST',
      url: `${tasksPath(shared)}/bulk-status`,
      base: { ids: [task.id], status: 'done' },
      extra: { ...readOnly, title: 'x' },
    },
    {
      what: 'create workspace',
      method: 'POST',
      url: '/api/v1/workspaces',
      base: { name: 'x' },
      extra: workspaceReadOnly,
    },
    {
      what: 'rename workspace',
      method: 'PATCH',
      url: `/api/v1/workspaces/${shared}`,
      base: { name: 'x' },
      extra: workspaceReadOnly,
    },
    {
      what: 'add member',
      method: 'POST',
      url: `/api/v1/workspaces/${shared}/members`,
      base: { email: 'outsider@example.com' },
      extra: { userId: outsider.userId, joinedAt: '2020-01-01T00:00:00.000Z', name: 'x' },
    },
    {
      what: 'change role',
      method: 'PATCH',
      url: `/api/v1/workspaces/${shared}/members/${member.userId}`,
      base: { role: 'owner' },
      extra: { userId: owner.userId, email: 'x@example.com' },
    },
  ];

  it('every read-only field, on every write, is a 400 naming it', async () => {
    let checked = 0;
    for (const c of cases()) {
      for (const [field, value] of Object.entries(c.extra)) {
        const res = await owner.send(c.method as 'POST', c.url, { ...c.base, [field]: value });
        expect(res.statusCode, `${c.what} with ${field}: ${res.body}`).toBe(400);
        expect(res.json().code).toBe('VALIDATION_FAILED');
        expect(JSON.stringify(res.json().errors)).toContain(field);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('and none of them was applied', async () => {
    const res = await owner.get(`${tasksPath(shared)}/${task.id}`);
    expect(res.json()).toEqual(task);
    const workspaces = (await owner.get('/api/v1/workspaces')).json().items;
    expect(workspaces.map((w: { name: string }) => w.name).sort()).toEqual(['Personal', 'Shared']);
    const members = (await owner.get(`/api/v1/workspaces/${shared}/members`)).json().items;
    expect(members).toHaveLength(2);
  });
});
