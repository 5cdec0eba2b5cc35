import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTeam, useTestUsers } from '../../test/users.ts';
import { createTask, tasksPath } from '../../test/workspaces.ts';

const { ctx, ada, bob, eve } = useTestUsers(['ada', 'bob', 'eve']);

const trashPath = (workspaceId: string) => `/api/v1/workspaces/${workspaceId}/trash`;
const DAY_MS = 86_400_000;

let team: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  team = await createTeam(ada, 'Crew', bob);
  for (const title of ['First', 'Second', 'Third', 'Kept', 'Too old']) {
    ids[title] = (await createTask(ada, team, { title, labels: ['x'] })).id;
  }
  for (const title of ['First', 'Second', 'Third', 'Too old']) {
    const res = await ada.send('DELETE', `${tasksPath(team)}/${ids[title]}`);
    expect(res.statusCode).toBe(204);
  }
  // Deleted 31 days ago: past the restore window, waiting to be purged.
  await ctx.database.db
    .updateTable('tasks')
    .set({ deleted_at: new Date(Date.now() - 31 * DAY_MS) })
    .where('id', '=', ids['Too old'] as string)
    .execute();
});

describe('the trash of a workspace', () => {
  it('lists restorable deleted tasks, most recently deleted first, with when they go for good', async () => {
    const res = await bob.get(trashPath(team));
    expect(res.statusCode, res.body).toBe(200);
    const { items, nextCursor } = res.json();
    expect(items.map((t: { title: string }) => t.title)).toEqual(['Third', 'Second', 'First']);
    expect(nextCursor).toBeNull();
    const [third] = items;
    expect(third).toMatchObject({ id: ids.Third, workspaceId: team, labels: ['x'] });
    expect(Date.parse(third.restorableUntil) - Date.parse(third.deletedAt)).toBe(30 * DAY_MS);
  });

  it('pages with a cursor, each task once', async () => {
    const first = (await ada.get(`${trashPath(team)}?limit=2`)).json();
    expect(first.items.map((t: { title: string }) => t.title)).toEqual(['Third', 'Second']);
    const second = (await ada.get(`${trashPath(team)}?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((t: { title: string }) => t.title)).toEqual(['First']);
    expect(second.nextCursor).toBeNull();
  });

  it('loses a task once it is restored', async () => {
    const restored = await bob.send('POST', `${tasksPath(team)}/${ids.Second}/restore`);
    expect(restored.statusCode).toBe(200);
    const { items } = (await ada.get(trashPath(team))).json();
    expect(items.map((t: { title: string }) => t.title)).toEqual(['Third', 'First']);
    const live = await ada.get(`${tasksPath(team)}/${ids.Second}`);
    expect(live.statusCode).toBe(200);
  });

  it('is empty, not missing, for a member with nothing deleted', async () => {
    const res = await eve.get(trashPath(eve.personalId));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [], nextCursor: null });
  });

  it('answers 404 to whoever is not a member, as for a workspace that does not exist', async () => {
    for (const workspaceId of [team, randomUUID()]) {
      const res = await eve.get(trashPath(workspaceId));
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
    const restore = await eve.send('POST', `${tasksPath(team)}/${ids.Third}/restore`);
    expect(restore.statusCode).toBe(404);
  });

  it('refuses a cursor it did not make and a limit out of range', async () => {
    for (const query of ['cursor=bm90LW91cnM', 'limit=0', 'limit=101', 'extra=1']) {
      const res = await ada.get(`${trashPath(team)}?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
  });
});
