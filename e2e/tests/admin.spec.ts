import { readFile } from 'node:fs/promises';
import type { Download } from '@playwright/test';
import { admin } from './admin-account.ts';
import { figure, watchStats } from './admin-stats.ts';
import { apiClient, expectAnswer, type Task } from './api-client.ts';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { parseCsv } from './csv.ts';
import { expect, INSTANCE, test } from './fixtures.ts';
import { openLive } from './live.ts';
import { createTasks, createWorkspace, personalWorkspace, updateTask } from './tasks-api.ts';

test(
  'an admin watches the figures change as tasks are made elsewhere, and checks the dashboard',
  INSTANCE,
  async ({ page, accounts }) => {
    // Tasks of the admin's own workspace come through the live stream; another user's do not
    // (the stream carries one's own workspaces), so those show at the next poll, 15 s on.
    test.slow();
    const adminApi = accounts.admin();
    const opsId = await createWorkspace(adminApi, 'Ops');
    // A job to look at: an export runs as one.
    const exported = adminApi.POST('/api/v1/workspaces/{workspaceId}/exports', {
      params: { path: { workspaceId: opsId } },
    });
    await expectAnswer(exported, 202, 'export Ops');
    const { account: other, api: theirs } = await accounts.create();

    const stats = watchStats(page);
    await openLive(page, admin, '/admin');
    await expect(page.getByRole('heading', { level: 1, name: 'Admin dashboard' })).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }),
    ).toHaveAttribute('aria-current', 'page');
    const total = await figure(page, 'stat-tasks-total');
    const createdToday = await figure(page, 'stat-tasks-created-today');
    const completedToday = await figure(page, 'stat-tasks-completed-today');

    const task = await createTasks(adminApi, opsId, ['Rotate the keys', 'Check the backups']);
    // Sooner than the poll: the live task events refreshed the figures.
    await stats.refreshedLive(
      ({ tasks }) => tasks.total === total + 2 && tasks.createdToday === createdToday + 2,
    );
    await expect.poll(() => figure(page, 'stat-tasks-total')).toBe(total + 2);
    await expect.poll(() => figure(page, 'stat-tasks-created-today')).toBe(createdToday + 2);
    await updateTask(adminApi, opsId, task('Check the backups').id, { status: 'done' });
    await stats.refreshedLive(({ tasks }) => tasks.completedToday === completedToday + 1);
    await expect.poll(() => figure(page, 'stat-tasks-completed-today')).toBe(completedToday + 1);

    // Another user's task, in a workspace the admin does not belong to: the poll brings it.
    const polled = stats.polled(page, ({ tasks }) => tasks.total === total + 3);
    await createTasks(theirs, await personalWorkspace(theirs), ['Somewhere else']);
    await polled;
    await expect.poll(() => figure(page, 'stat-tasks-total')).toBe(total + 3);

    // Charts, jobs with their details, users by search, health and the outbox.
    await expect(
      page.getByRole('application', { name: 'Tasks per day, last 30 days' }),
    ).toBeVisible();
    await expect(
      page.getByRole('application', { name: 'Jobs per day, last 30 days' }),
    ).toBeVisible();
    const recent = page.getByTestId('recent-jobs');
    await recent.getByLabel('Queue').selectOption('tasks.export');
    const job = recent.getByTestId('job-row').first();
    await expect(job.getByTestId('job-type')).toHaveText('tasks.export');
    await expect(job.getByTestId('job-state')).toHaveText('Completed');
    await job.getByRole('button', { name: 'Details of the tasks.export job' }).click();
    await expect(job.getByTestId('job-payload')).toContainText('"exportId"');
    await expect(job.getByTestId('job-request-id')).toHaveText(/^[\w-]{8,}$/);

    const users = page.getByTestId('admin-users');
    await users.getByLabel('Search users').fill(other.email);
    await expect(users.getByTestId('user-row')).toHaveCount(1);
    await expect(users.getByTestId('user-row-name')).toHaveText(other.name);

    await expect(page.getByTestId('health-version')).not.toBeEmpty();
    await expect(page.getByTestId('mail-outbox').getByTestId('outbox-mail').first()).toBeVisible();

    await expectNoSeriousA11yViolations(page, 'the admin dashboard');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await expect(page.locator('html')).toHaveClass(/dark/);
    await expectNoSeriousA11yViolations(page, 'the admin dashboard (dark)');
  },
);

test.describe('managing users', INSTANCE, () => {
  // The refusal to demote the last administrator is a 409 the page shows.
  test.use({ expectedFailures: { '/api/v1/admin/users/*': 409 } });

  test('an admin disables and enables a user, and cannot demote the last administrator', async ({
    page,
    accounts,
  }) => {
    accounts.admin();
    const { account: other } = await accounts.create();
    await openLive(page, admin, '/admin');
    const users = page.getByTestId('admin-users');

    await users.getByLabel('Search users').fill(other.email);
    const row = users.getByTestId('user-row');
    await expect(row).toHaveCount(1);
    await row.getByRole('button', { name: `Disable ${other.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Disable ${other.name}?` });
    await dialog.getByRole('button', { name: 'Disable user' }).click();
    await expect(dialog).toBeHidden();
    await expect(row.getByTestId('user-disabled')).toBeVisible();
    const refused = apiClient(page.request).POST('/api/v1/auth/sign-in', {
      body: { email: other.email, password: other.password },
    });
    await expectAnswer(refused, 403, 'a disabled user signs in');
    await row.getByRole('button', { name: `Enable ${other.name}` }).click();
    await expect(row.getByTestId('user-disabled')).toHaveCount(0);

    // The e2e admin is the only administrator: the API refuses, the dialog says why.
    await users.getByLabel('Search users').fill(admin.email);
    await expect(row).toHaveCount(1);
    await row.getByLabel(`Role of ${admin.name}`).selectOption('user');
    const demote = page.getByRole('dialog', { name: 'Stop being an administrator?' });
    await demote.getByRole('button', { name: 'Remove administrator role' }).click();
    await expect(demote.getByRole('alert')).toHaveText(
      'TaskFlow needs at least one administrator.',
    );
    await demote.getByRole('button', { name: 'Cancel' }).click();
    await expect(row.getByLabel(`Role of ${admin.name}`)).toHaveValue('admin');
  });
});

/** The downloaded CSV's rows as records by column name, and its header. */
async function csvOf(download: Download) {
  const [header = [], ...rows] = parseCsv(await readFile(await download.path(), 'utf8'));
  const records = rows.map((cells) =>
    Object.fromEntries(header.map((name, i) => [name, cells[i]])),
  );
  return { header, records };
}

/** A task's row in the export, by column, as the API describes the task (no assignee here). */
const exportedAs = (task: Task) => ({
  id: task.id,
  title: task.title,
  description: task.description,
  status: task.status,
  priority: task.priority,
  due_date: task.dueDate ?? '',
  assignee_email: '',
  labels: task.labels.join(';'),
  created_at: task.createdAt,
  updated_at: task.updatedAt,
  completed_at: task.completedAt ?? '',
});

const byTitle = (a: { title?: string }, b: { title?: string }) =>
  (a.title ?? '').localeCompare(b.title ?? '');

test('a member exports a workspace to CSV, is told when it is ready, and downloads it', async ({
  page,
  personalBoard: { account, api, workspaceId, board },
}) => {
  const task = await createTasks(api, workspaceId, [
    'Alpha',
    { title: 'Beta, with a comma and "quotes"', description: 'Two lines\nof description' },
    'Gamma',
  ]);
  const tasks = ['Alpha', 'Beta, with a comma and "quotes"', 'Gamma'].map(task);
  await openLive(page, account, board);

  await page.getByRole('button', { name: 'Export CSV' }).click();
  const bell = page.getByRole('button', { name: /^Notifications/ });
  // The export runs as a background job; its notification comes by the stream.
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread');
  const status = page.getByTestId('export-status');
  await expect(status).toHaveText('The CSV is ready. (3 tasks)');

  const fromBoard = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const download = await fromBoard;
  expect(download.suggestedFilename()).toMatch(/^taskflow-tasks-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await csvOf(download);
  expect(csv.header).toEqual(Object.keys(exportedAs(tasks[0] as Task)));
  expect(csv.records.toSorted(byTitle)).toEqual(tasks.map(exportedAs).toSorted(byTitle));

  // The notification downloads the same file (its link is the API's, fetched with the token).
  await bell.click();
  const notice = page
    .getByRole('region', { name: 'Notifications', exact: true })
    .getByRole('button', { name: /Your export of 3 tasks is ready to download/ });
  const fromNotice = page.waitForEvent('download');
  await notice.click();
  expect(await csvOf(await fromNotice)).toEqual(csv);
  await expect(bell).toHaveAccessibleName('Notifications');
});

test('someone who is not an admin gets no admin page, and every admin route answers 403', async ({
  page,
  request,
  accounts,
}) => {
  const { account: member, api: memberApi } = await accounts.create();
  const adminCalls: string[] = [];
  page.on('request', (r) => {
    const { pathname } = new URL(r.url());
    if (/^\/api\/v1\/(admin\/|health\/detailed)/.test(pathname)) adminCalls.push(pathname);
  });
  await openLive(page, member, '/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'No access' })).toBeVisible();
  await expect(page.getByTestId('admin-dashboard')).toHaveCount(0);
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }),
  ).toHaveCount(0);
  expect(adminCalls).toEqual([]);

  // Every operation the OpenAPI document tags `admin`, so that new ones are covered too.
  const document = (await (await request.get('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, { tags?: string[] }>>;
  };
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([, operation]) => operation.tags?.includes('admin'))
      .map(([method]) => ({ method: method.toUpperCase(), path })),
  );
  expect(operations).toContainEqual({ method: 'GET', path: '/api/v1/admin/stats' });
  expect(operations.length).toBeGreaterThanOrEqual(13);

  // Operations named at run time, from the document: the client's types cannot know them.
  const call = memberApi.request as unknown as (
    method: string,
    path: string,
    init: { params: { path: Record<string, string> }; body?: object },
  ) => Promise<{ response: Response }>;
  const someId = '00000000-0000-4000-8000-000000000000';
  for (const { method, path } of operations) {
    const params = Object.fromEntries(
      [...path.matchAll(/\{([^}]+)\}/g)].map(([, n]) => [n, someId]),
    );
    const body = method === 'PATCH' || method === 'PUT' ? { role: 'admin' } : undefined;
    const { response } = await call(method.toLowerCase(), path, { params: { path: params }, body });
    expect(response.status, `${method} ${path}`).toBe(403);
  }
});
