import type { TaskExport } from '@taskflow/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTeam, type User, useTestUsers } from '../../test/users.ts';
import { createTask, listAll } from '../../test/workspaces.ts';

/** An export holds what the list shows under the same filters, and nothing else. */
const { ada, bob } = useTestUsers(['ada', 'bob'], { EXPORTS_PER_HOUR: '20' });
let team: string;
const exportsPath = () => `/api/v1/workspaces/${team}/exports`;

beforeAll(async () => {
  team = await createTeam(ada, 'Filtered', bob);
  await createTask(ada, team, { title: 'Deploy api', status: 'todo', labels: ['ops'] });
  await createTask(ada, team, {
    title: 'Deploy web',
    status: 'done',
    priority: 'urgent',
    assigneeId: bob.userId,
    dueDate: '2026-03-10',
  });
  await createTask(ada, team, { title: 'Write notes', priority: 'urgent', dueDate: '2026-04-01' });
  await createTask(bob, team, { title: 'Ops review', labels: ['ops'], assigneeId: ada.userId });
});

async function whenReady(user: User, id: string): Promise<TaskExport> {
  for (let i = 0; i < 200; i++) {
    const found: TaskExport = (await user.get(`${exportsPath()}/${id}`)).json();
    if (found.status !== 'pending') return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the export was not made');
}

/** The titles of the CSV an export of `query` gives `user`, and the file's first bytes. */
async function exported(user: User, query: string) {
  const asked = await user.send('POST', `${exportsPath()}${query ? `?${query}` : ''}`);
  expect(asked.statusCode, asked.body).toBe(202);
  const ready = await whenReady(user, asked.json().id);
  expect(ready.status).toBe('ready');
  const file = await user.get(ready.downloadPath ?? '');
  const [, ...rows] = file.body.split('\r\n').filter(Boolean);
  const titles = rows.map((row) => row.split(',')[1]).sort();
  return { titles, rowCount: ready.rowCount, bom: [...file.rawPayload.subarray(0, 3)] };
}

describe('an export under the board’s filters', () => {
  it.each([
    ['', ['Deploy api', 'Deploy web', 'Ops review', 'Write notes']],
    ['status=done', ['Deploy web']],
    ['priority=urgent', ['Deploy web', 'Write notes']],
    ['label=ops', ['Deploy api', 'Ops review']],
    ['assignee=none', ['Deploy api', 'Write notes']],
    ['dueAfter=2026-03-01&dueBefore=2026-03-31', ['Deploy web']],
    ['q=deploy', ['Deploy api', 'Deploy web']],
    ['q=deploy&status=todo,in_progress', ['Deploy api']],
  ])('“%s” holds only the matching tasks, as the list does', async (query, titles) => {
    const file = await exported(ada, query);
    expect(file.titles).toEqual(titles);
    expect(file.rowCount).toBe(titles.length);
    // The same tasks as the list under the same filters.
    const listed = (await listAll(ada, team, query)).map((task) => task.title).sort();
    expect(file.titles).toEqual(listed);
    expect(file.bom).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('reads `me` as the member asking', async () => {
    expect((await exported(ada, 'assignee=me')).titles).toEqual(['Ops review']);
    expect((await exported(bob, 'assignee=me')).titles).toEqual(['Deploy web']);
  });

  it('holds only a header when nothing matches, and refuses a filter the list refuses', async () => {
    const none = await exported(ada, `q=${encodeURIComponent('?!')}`);
    expect(none).toMatchObject({ titles: [], rowCount: 0 });
    const bad = await ada.send('POST', `${exportsPath()}?status=later`);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((await ada.send('POST', `${exportsPath()}?sort=due`)).statusCode).toBe(400);
  });
});
