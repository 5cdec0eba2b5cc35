import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { type Account, apiAs, createAccount, signIn } from './accounts.ts';
import { admin } from './admin-account.ts';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { parseCsv } from './csv.ts';
import { expect, test } from './fixtures.ts';
import { createTasks, newBoard } from './tasks-api.ts';

const adminAccount: Account = { id: '', ...admin };

/** A figure of the dashboard, as a number (it is shown with the browser's digit grouping). */
const figure = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .textContent()
    .then((text) => Number(text?.replace(/\D/g, '')));

async function openLive(page: Page, account: Account, path: string) {
  await signIn(page, account, path);
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-state', 'live');
}

test('an admin watches the figures change as tasks are made elsewhere, and checks the dashboard', async ({
  page,
  request,
  adminApi,
}) => {
  // Tasks of the admin's own workspace come through the live stream; another user's do not
  // (the stream carries one's own workspaces), so those show at the next poll, up to 15 s on.
  test.slow();
  const created = await adminApi.post('/api/v1/workspaces', { data: { name: 'Ops' } });
  expect(created.status()).toBe(201);
  const { id: opsId } = (await created.json()) as { id: string };
  // A job to look at: an export runs as one.
  const exported = await adminApi.post(`/api/v1/workspaces/${opsId}/exports`);
  expect(exported.status()).toBe(202);
  const other = await createAccount(request, adminApi);

  await openLive(page, adminAccount, '/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Admin dashboard' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }),
  ).toHaveAttribute('aria-current', 'page');
  const total = await figure(page, 'stat-tasks-total');
  const createdToday = await figure(page, 'stat-tasks-created-today');
  const completedToday = await figure(page, 'stat-tasks-completed-today');

  const ops = await apiAs(request, adminAccount);
  const task = await createTasks(ops, opsId, ['Rotate the keys', 'Check the backups']);
  // Sooner than the 15 s poll: the live task events refreshed the figures.
  const live = { timeout: 8_000 };
  await expect.poll(() => figure(page, 'stat-tasks-total'), live).toBe(total + 2);
  await expect.poll(() => figure(page, 'stat-tasks-created-today'), live).toBe(createdToday + 2);
  const done = await ops.patch(
    `/api/v1/workspaces/${opsId}/tasks/${task('Check the backups').id}`,
    { data: { status: 'done' } },
  );
  expect(done.status()).toBe(200);
  await expect
    .poll(() => figure(page, 'stat-tasks-completed-today'), live)
    .toBe(completedToday + 1);

  // Another user's task, in a workspace the admin does not belong to: the poll brings it.
  const theirs = await apiAs(request, other);
  const workspaces = (await (await theirs.get('/api/v1/workspaces')).json()) as {
    items: { id: string }[];
  };
  await createTasks(theirs, workspaces.items[0]?.id ?? '', ['Somewhere else']);
  await expect.poll(() => figure(page, 'stat-tasks-total'), { timeout: 20_000 }).toBe(total + 3);

  // Charts, jobs with their details, users by search, health and the outbox.
  await expect(
    page.getByRole('application', { name: 'Tasks per day, last 30 days' }),
  ).toBeVisible();
  await expect(page.getByRole('application', { name: 'Jobs per day, last 30 days' })).toBeVisible();
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
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expectNoSeriousA11yViolations(page, 'the admin dashboard (dark)');
});

test.describe('managing users', () => {
  // The refusal to demote the last administrator is a 409 the page shows.
  test.use({ expectedFailures: { '/api/v1/admin/users/*': 409 } });

  test('an admin disables and enables a user, and cannot demote the last administrator', async ({
    page,
    request,
    adminApi,
  }) => {
    const other = await createAccount(request, adminApi);
    await openLive(page, adminAccount, '/admin');
    const users = page.getByTestId('admin-users');

    await users.getByLabel('Search users').fill(other.email);
    const row = users.getByTestId('user-row');
    await expect(row).toHaveCount(1);
    await row.getByRole('button', { name: `Disable ${other.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Disable ${other.name}?` });
    await dialog.getByRole('button', { name: 'Disable user' }).click();
    await expect(dialog).toBeHidden();
    await expect(row.getByTestId('user-disabled')).toBeVisible();
    const refused = await request.post('/api/v1/auth/sign-in', {
      data: { email: other.email, password: other.password },
    });
    expect(refused.status()).toBe(403);
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

async function csvOf(download: Download): Promise<string[][]> {
  const file = await download.path();
  return parseCsv(await readFile(file, 'utf8'));
}

test('a member exports a workspace to CSV, is told when it is ready, and downloads it', async ({
  page,
  request,
  adminApi,
}) => {
  const { account, api, workspaceId, board } = await newBoard(request, adminApi);
  const titles = ['Alpha', 'Beta, with a comma and "quotes"', 'Gamma'];
  await createTasks(api, workspaceId, [
    titles[0] as string,
    { title: titles[1] as string, description: 'Two lines\nof description' },
    titles[2] as string,
  ]);
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
  const [header, ...rows] = await csvOf(download);
  expect(header).toEqual([
    'id',
    'title',
    'description',
    'status',
    'priority',
    'due_date',
    'assignee_email',
    'labels',
    'created_at',
    'updated_at',
    'completed_at',
  ]);
  expect(rows).toHaveLength(3);
  expect(rows.map((row) => row[1]).sort()).toEqual([...titles].sort());
  expect(rows.find((row) => row[1] === titles[1])?.[2]).toBe('Two lines\nof description');

  // The notification downloads the same file (its link is the API's, fetched with the token).
  await bell.click();
  const notice = page
    .getByRole('region', { name: 'Notifications', exact: true })
    .getByRole('button', { name: /Your export of 3 tasks is ready to download/ });
  const fromNotice = page.waitForEvent('download');
  await notice.click();
  expect(await csvOf(await fromNotice)).toEqual([header, ...rows]);
  await expect(bell).toHaveAccessibleName('Notifications');
});

test('someone who is not an admin gets no admin page, and every admin route answers 403', async ({
  page,
  request,
  adminApi,
}) => {
  const member = await createAccount(request, adminApi);
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

  const signedIn = await request.post('/api/v1/auth/sign-in', {
    data: { email: member.email, password: member.password },
  });
  const { accessToken } = (await signedIn.json()) as { accessToken: string };
  const someId = '00000000-0000-4000-8000-000000000000';
  for (const { method, path } of operations) {
    const url = path.replace(/\{[^}]+\}/g, someId);
    const response = await request.fetch(url, {
      method,
      headers: { Authorization: `Bearer ${accessToken}` },
      ...(method === 'PATCH' || method === 'PUT' ? { data: { role: 'admin' } } : {}),
    });
    expect(response.status(), `${method} ${path}`).toBe(403);
  }
});
