import { readFile } from 'node:fs/promises';
import { type Api, expectAnswer, type Schemas } from './api-client.ts';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { parseCsv } from './csv.ts';
import { expect, test } from './fixtures.ts';
import { openLive } from './live.ts';

type NewTask = Schemas['CreateTaskBodyInput'];

/**
 * Creates one task; a 503 (a loaded machine sheds load) is asked again once the server's
 * `Retry-After` has passed, as a client should.
 */
async function createOne(api: Api, workspaceId: string, body: NewTask) {
  for (let attempt = 1; ; attempt++) {
    const call = api.POST('/api/v1/workspaces/{workspaceId}/tasks', {
      params: { path: { workspaceId } },
      body,
    });
    const { response } = await call;
    if (response.status !== 503 || attempt === 5) {
      return expectAnswer(call, 201, `create ${body.title}`);
    }
    const seconds = Number(response.headers.get('retry-after') ?? '1');
    await new Promise((resolve) => setTimeout(resolve, seconds * 1_000));
  }
}

/** Creates many tasks through the API, a few at a time (their order does not matter here). */
async function createMany(api: Api, workspaceId: string, tasks: Partial<NewTask>[]) {
  const batch = 4;
  for (let start = 0; start < tasks.length; start += batch) {
    await Promise.all(
      tasks.slice(start, start + batch).map((task, i) =>
        createOne(api, workspaceId, {
          ...task,
          title: task.title ?? `Task ${start + i + 1}`,
        } as NewTask),
      ),
    );
  }
}

test('kanban columns count every task of their status under the filters, live', async ({
  page,
  personalBoard: { account, api, workspaceId, board },
}) => {
  await createMany(api, workspaceId, [
    ...Array.from({ length: 55 }, (_, i) => ({ priority: i < 5 ? 'urgent' : 'low' }) as const),
    { title: 'Shipped', status: 'done' },
  ]);
  await openLive(page, account, `${board}?view=kanban`);

  const heading = (status: string) => page.getByTestId(`column-${status}`).getByRole('heading');
  /** The heading's count, read out as “N tasks”, and never “50+”. */
  const counted = (n: number) => new RegExp(`(^|\\D)${n} tasks$`);
  // A page holds 50 cards; the count is of the whole column.
  await expect(page.getByTestId('column-todo').getByTestId('task-title')).toHaveCount(50);
  await expect(heading('todo')).toHaveText(counted(55));
  await expect(heading('done')).toHaveText(counted(1));
  await expect(heading('in_progress')).toHaveText(counted(0));
  await expectNoSeriousA11yViolations(page, 'a kanban board with counts');

  // A task made elsewhere (here, the API) counts at once, through the live stream.
  await createMany(api, workspaceId, [{ title: 'One more', status: 'in_progress' }]);
  await expect(heading('in_progress')).toHaveText(counted(1));

  // Under a filter, the counts are those of the filtered columns.
  await page.goto(`${board}?view=kanban&priority=urgent`);
  await expect(heading('todo')).toHaveText(counted(5));
  await expect(heading('done')).toHaveText(counted(0));
});

test('the CSV export holds only the tasks the board’s filters keep', async ({
  page,
  personalBoard: { account, api, workspaceId, board },
}) => {
  await createMany(api, workspaceId, [
    { title: 'Deploy the API', labels: ['ops'] },
    { title: 'Deploy the web app', labels: ['ops'], status: 'done' },
    { title: 'Write the guide', labels: ['docs'] },
    { title: 'Plan the week' },
  ]);
  await openLive(page, account, `${board}?label=ops`);
  await expect(page.getByTestId('task-title')).toHaveCount(2);

  await page.getByRole('button', { name: 'Export CSV' }).click();
  await expect(page.getByTestId('export-status')).toHaveText('The CSV is ready. (2 tasks)');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const [header = [], ...rows] = parseCsv(await readFile(await (await downloading).path(), 'utf8'));
  const title = header.indexOf('title');
  expect(rows.map((row) => row[title]).sort()).toEqual(['Deploy the API', 'Deploy the web app']);

  // Another filter is another export: the button asks again.
  await page.goto(`${board}?label=docs`);
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeVisible();
});
