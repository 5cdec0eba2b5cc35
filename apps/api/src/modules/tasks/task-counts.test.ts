import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodyOf } from '../../test/api-client.ts';
import { attachmentsPath, png, upload } from '../../test/files.ts';
import { createTeam, useTestUsers } from '../../test/users.ts';
import { createTask, listAll, tasksPath } from '../../test/workspaces.ts';

/** A card says how many comments and files its task has: the list brings the counts. */
const { ctx, ada, bob } = useTestUsers(['ada', 'bob']);
let ws: string;

const commentsPath = '/api/v1/workspaces/{workspaceId}/tasks/{taskId}/comments' as const;
const commentPath = '/api/v1/workspaces/{workspaceId}/tasks/{taskId}/comments/{commentId}' as const;

/** A file row as an upload leaves it (there is no upload route to go through here). */
const attach = (taskId: string, state: 'pending' | 'ready') =>
  ctx.database.db
    .insertInto('task_attachments')
    .values({
      workspace_id: ws,
      task_id: taskId,
      uploader_id: ada.userId,
      name: `${state}.pdf`,
      content_type: 'application/pdf',
      size: 1024,
      storage_key: randomUUID(),
      state,
    })
    .execute();

/** Each task's counts in the list, by title. */
async function countsByTitle(query = '') {
  const items = await listAll(ada, ws, query);
  return Object.fromEntries(items.map((task) => [task.title, task.counts]));
}

beforeAll(async () => {
  ws = await createTeam(ada, 'Counting', bob);
});

describe('the counts of a task list', () => {
  it('count live comments and ready attachments, each task its own', async () => {
    const talked = await createTask(ada, ws, { title: 'Talked about' });
    await createTask(ada, ws, { title: 'Quiet' });
    const where = { workspaceId: ws, taskId: talked.id };
    const first = bodyOf(
      await ada.api.post(commentsPath, { path: where, body: { body: 'First' } }),
      201,
    );
    bodyOf(await bob.api.post(commentsPath, { path: where, body: { body: 'Second' } }), 201);
    expect((await countsByTitle())['Talked about']).toEqual({ comments: 2, attachments: 0 });

    const deleted = await ada.api.delete(commentPath, { path: { ...where, commentId: first.id } });
    expect(deleted.status).toBe(204);
    await attach(talked.id, 'ready');
    await attach(talked.id, 'pending');
    const counts = await countsByTitle();
    expect(counts['Talked about']).toEqual({ comments: 1, attachments: 1 });
    expect(counts.Quiet).toEqual({ comments: 0, attachments: 0 });
  });

  it('come with every page, filter, search and sort', async () => {
    const task = await createTask(ada, ws, { title: 'Searched for', priority: 'urgent' });
    const where = { workspaceId: ws, taskId: task.id };
    bodyOf(await bob.api.post(commentsPath, { path: where, body: { body: 'Found' } }), 201);
    await attach(task.id, 'ready');
    await attach(task.id, 'ready');
    const queries = ['limit=1', 'q=searched', 'priority=urgent&sort=due', 'sort=priority&limit=1'];
    for (const query of queries) {
      expect((await countsByTitle(query))['Searched for'], query).toEqual({
        comments: 1,
        attachments: 2,
      });
    }
  });

  it('follow every write through the API, however many writers there are at once', async () => {
    const task = await createTask(ada, ws, { title: 'Busy' });
    const where = { workspaceId: ws, taskId: task.id };
    const posted = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? bob : ada).api.post(commentsPath, { path: where, body: { body: `Note ${i}` } }),
      ),
    );
    const comments = posted.map((res) => bodyOf(res, 201));
    const files = await Promise.all(
      [ada, bob, ada].map(async (client, i) => {
        const res = await upload(ctx.app, client, where, `shot-${i}.png`, await png());
        expect(res.statusCode, res.body).toBe(201);
        return res.json() as { id: string };
      }),
    );
    expect((await countsByTitle()).Busy).toEqual({ comments: 12, attachments: 3 });

    // An edit changes nothing counted; a deletion counts down.
    const [first, second] = comments;
    if (!first || !second) throw new Error('no comments');
    const edited = await ada.api.patch(commentPath, {
      path: { ...where, commentId: first.id },
      body: { body: 'Edited' },
      headers: { 'if-match': `"${first.version}"` },
    });
    expect(edited.status).toBe(200);
    const removed = await bob.api.delete(commentPath, { path: { ...where, commentId: second.id } });
    expect(removed.status).toBe(204);
    const gone = await bob.send('DELETE', `${attachmentsPath(where)}/${files[1]?.id}`);
    expect(gone.statusCode).toBe(204);
    expect((await countsByTitle()).Busy).toEqual({ comments: 11, attachments: 2 });

    // A deleted task keeps its conversation, and brings it back when restored.
    expect((await ada.send('DELETE', `${tasksPath(ws)}/${task.id}`)).statusCode).toBe(204);
    const restored = await ada.send('POST', `${tasksPath(ws)}/${task.id}/restore`);
    expect(restored.statusCode).toBe(200);
    expect((await countsByTitle()).Busy).toEqual({ comments: 11, attachments: 2 });
  });

  it('count a pending file once it is ready, and not before', async () => {
    const task = await createTask(ada, ws, { title: 'Uploading' });
    await attach(task.id, 'pending');
    expect((await countsByTitle()).Uploading).toEqual({ comments: 0, attachments: 0 });
    await ctx.database.db
      .updateTable('task_attachments')
      .set({ state: 'ready' })
      .where('task_id', '=', task.id)
      .execute();
    expect((await countsByTitle()).Uploading).toEqual({ comments: 0, attachments: 1 });
  });

  it('belong to lists only: a task read or written is a plain task', async () => {
    const made = await createTask(ada, ws, { title: 'Plain' });
    expect(made).not.toHaveProperty('counts');
    const read = await ada.get(`${tasksPath(ws)}/${made.id}`);
    expect(read.json()).not.toHaveProperty('counts');
  });
});
