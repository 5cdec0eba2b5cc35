import type { Notification, NotificationList } from '@taskflow/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTeam, type User, useTestUsers } from '../../test/users.ts';
import { addMember, createTask, createWorkspace, tasksPath } from '../../test/workspaces.ts';

const { signUp, ada, bob, cy } = useTestUsers(['ada', 'bob', 'cy']);
let team: string;

beforeAll(async () => {
  team = await createTeam(ada, 'Team', bob, cy);
});

async function inbox(user: User, query = ''): Promise<NotificationList> {
  const res = await user.get(`/api/v1/notifications${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const titles = (list: { items: Notification[] }) => list.items.map((n) => n.title);
const followPath = (taskId: string) => `${tasksPath(team)}/${taskId}/follow`;

describe('who is told what', () => {
  it('an assignee is told, never the person who assigned themselves', async () => {
    const before = (await inbox(bob)).unreadCount;
    const task = await createTask(ada, team, { title: 'Ship it', assigneeId: bob.userId });
    await createTask(bob, team, { title: 'Mine', assigneeId: bob.userId });
    const list = await inbox(bob);
    expect(list.unreadCount).toBe(before + 1);
    expect(list.items[0]).toMatchObject({
      type: 'task.assigned',
      title: 'Test User assigned you “Ship it”',
      workspaceId: team,
      taskId: task.id,
      actorId: ada.userId,
      link: `/w/${team}/tasks/${task.id}`,
      readAt: null,
    });
    // Assigning again to the same person is no news.
    await ada.send('PATCH', `${tasksPath(team)}/${task.id}`, { assigneeId: bob.userId });
    expect((await inbox(bob)).unreadCount).toBe(before + 1);
  });

  it('followers (the creator, the assignee, those who follow) hear of changes made by others', async () => {
    const task = await createTask(ada, team, { title: 'Followed', assigneeId: bob.userId });
    expect((await cy.send('PUT', followPath(task.id))).json()).toEqual({ following: true });
    expect((await cy.get(followPath(task.id))).json()).toEqual({ following: true });
    expect((await ada.get(followPath(task.id))).json()).toEqual({ following: true });

    await bob.send('PATCH', `${tasksPath(team)}/${task.id}`, { status: 'done' });
    expect(titles(await inbox(ada))[0]).toBe('Test User moved “Followed” to Done');
    expect(titles(await inbox(cy))[0]).toBe('Test User moved “Followed” to Done');
    // The actor is not told of their own change.
    expect(titles(await inbox(bob))).not.toContain('Test User moved “Followed” to Done');

    // A reorder alone is no news; an edit is; so are deletion and restoration.
    const cyBefore = (await inbox(cy)).unreadCount;
    const other = await createTask(ada, team, { title: 'Anchor' });
    await bob.send('POST', `${tasksPath(team)}/${task.id}/move`, { afterId: other.id });
    expect((await inbox(cy)).unreadCount).toBe(cyBefore);
    await bob.send('PATCH', `${tasksPath(team)}/${task.id}`, { title: 'Followed!' });
    await bob.send('DELETE', `${tasksPath(team)}/${task.id}`);
    await bob.send('POST', `${tasksPath(team)}/${task.id}/restore`);
    expect(titles(await inbox(cy)).slice(0, 3)).toEqual([
      'Test User restored “Followed!”',
      'Test User deleted “Followed!”',
      'Test User changed “Followed!”',
    ]);

    // Unfollowing stops it.
    expect((await cy.send('DELETE', followPath(task.id))).json()).toEqual({ following: false });
    const after = (await inbox(cy)).unreadCount;
    await bob.send('PATCH', `${tasksPath(team)}/${task.id}`, { priority: 'urgent' });
    expect((await inbox(cy)).unreadCount).toBe(after);
  });

  it('someone who left the workspace is told nothing more about its tasks', async () => {
    const dee = await signUp('dee');
    await addMember(ada, team, dee.email);
    const task = await createTask(dee, team, { title: 'Dee made this' });
    expect((await dee.send('POST', `/api/v1/workspaces/${team}/leave`)).statusCode).toBe(204);
    const before = (await inbox(dee)).unreadCount;
    await ada.send('PATCH', `${tasksPath(team)}/${task.id}`, { status: 'done' });
    expect((await inbox(dee)).unreadCount).toBe(before);
  });

  it('following a task of a workspace one is not in answers 404, like a missing task', async () => {
    const outsider = await signUp('outsider');
    const task = await createTask(ada, team, { title: 'Private' });
    for (const method of ['PUT', 'DELETE'] as const) {
      const res = await outsider.send(method, followPath(task.id));
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    expect((await outsider.get(followPath(task.id))).statusCode).toBe(404);
  });
});

describe('reading notifications', () => {
  it('pages newest first with an opaque cursor, filters unread, and marks read', async () => {
    const eve = await signUp('eve');
    const ws = (await createWorkspace(ada, 'Paging')).id;
    await addMember(ada, ws, eve.email);
    for (let i = 0; i < 7; i++) {
      await createTask(ada, ws, { title: `For eve ${i}`, assigneeId: eve.userId });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: NotificationList = await inbox(
        eve,
        `?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...titles(page));
      cursor = page.nextCursor;
    } while (cursor);
    // Oldest of all: being added to the workspace.
    expect(seen).toEqual([
      ...Array.from({ length: 7 }, (_, i) => `Test User assigned you “For eve ${6 - i}”`),
      'Test User added you to “Paging”',
    ]);

    const first = (await inbox(eve)).items.slice(0, 2).map((n) => n.id);
    const foreign = (await inbox(ada)).items[0]?.id;
    const marked = await eve.send('POST', '/api/v1/notifications/read', {
      ids: [...first, ...(foreign ? [foreign] : [])],
    });
    expect(marked.json()).toEqual({ unreadCount: 6 });
    // Another reader's notification is not touched.
    expect((await inbox(ada)).items[0]?.readAt).toBeNull();
    const unread = await inbox(eve, '?unread=true');
    expect(unread.items).toHaveLength(6);
    expect(unread.items.every((n) => n.readAt === null)).toBe(true);
    expect((await eve.send('POST', '/api/v1/notifications/read', { all: true })).json()).toEqual({
      unreadCount: 0,
    });
    expect((await inbox(eve, '?unread=true')).items).toEqual([]);
  });

  it('refuses a forged cursor and an empty request to mark', async () => {
    const bad = await ada.get('/api/v1/notifications?cursor=bm90LWEtY3Vyc29y');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { path: 'query.cursor', message: 'Not a cursor from this API' },
    ]);
    const empty = await ada.send('POST', '/api/v1/notifications/read', {});
    expect(empty.statusCode).toBe(400);
    const none = await ada.send('POST', '/api/v1/notifications/read', { all: false });
    expect(none.statusCode).toBe(400);
  });
});
