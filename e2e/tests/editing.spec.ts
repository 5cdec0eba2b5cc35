import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { signIn } from './accounts.ts';
import { expectAnswer } from './api-client.ts';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { createTasks, createWorkspace, readTask, taskTitles } from './tasks-api.ts';

/** Tomorrow on the calendar of `timeZone`, as `YYYY-MM-DD`. */
function tomorrowIn(timeZone: string): string {
  const inOneDay = new Date(Date.now() + 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(inOneDay);
}

const quickAdd = (page: Page) => page.getByRole('textbox', { name: 'Add a task' });

test.describe('quick add', () => {
  // A zone whose calendar is not always UTC's: the due date is the browser's tomorrow.
  test.use({ timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 800 } });

  test('reads a date, priority, label and member out of the line, previewed before Enter', async ({
    page,
    accounts,
  }) => {
    const { account: owner, api: ownerApi } = await accounts.create();
    const { account: sam, api: samApi } = await accounts.create();
    await expectAnswer(samApi.PATCH('/api/v1/me', { body: { name: 'Sam' } }), 200, 'rename Sam');
    const workspaceId = await createWorkspace(ownerApi, 'Launch');
    const added = ownerApi.POST('/api/v1/workspaces/{workspaceId}/members', {
      params: { path: { workspaceId } },
      body: { email: sam.email, role: 'member' },
    });
    await expectAnswer(added, 201, 'add Sam');
    await signIn(page, owner, `/w/${workspaceId}`);
    await expect(page.getByTestId('empty-board')).toBeVisible();

    await quickAdd(page).fill('Write release notes tomorrow !high #web @Sam');
    const chips = page.getByTestId('quick-add-chip');
    await expect(chips).toHaveText([/^Due /, 'High priority', '#web', 'Assigned to Sam']);
    await expectNoSeriousA11yViolations(page, 'the board with the quick-add preview');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSeriousA11yViolations(page, 'the board on a phone');

    const created = page.waitForResponse(
      (response) => response.request().method() === 'POST' && response.url().endsWith('/tasks'),
    );
    await quickAdd(page).press('Enter');
    const task = (await (await created).json()) as { id: string };
    await expect(taskTitles(page)).toHaveText(['Write release notes']);
    await expect(quickAdd(page)).toHaveValue('');
    await expect(chips).toHaveCount(0);
    expect(await readTask(ownerApi, workspaceId, task.id)).toMatchObject({
      title: 'Write release notes',
      dueDate: tomorrowIn('Europe/Berlin'),
      priority: 'high',
      labels: ['web'],
      assigneeId: sam.id,
    });
    await expect(page.getByRole('img', { name: 'Status: To do' })).toBeVisible();
  });

  test('a task the filters hide is announced, and Show reveals it', async ({
    page,
    personalBoard: { account, api, workspaceId, board },
  }) => {
    await createTasks(api, workspaceId, [{ title: 'Tidy the backlog', priority: 'low' }]);
    await signIn(page, account, `${board}?priority=low`);
    await expect(taskTitles(page)).toHaveText(['Tidy the backlog']);

    // A line of parts only has no title: refused, and the error goes with the next edit.
    await quickAdd(page).fill('!urgent');
    await quickAdd(page).press('Enter');
    await expect(page.getByTestId('title-error')).toHaveText('Enter a title');
    await quickAdd(page).fill('Fix the outage !urgent');
    await expect(page.getByTestId('title-error')).toHaveCount(0);

    await quickAdd(page).press('Enter');
    const toast = page.getByRole('listitem').filter({ hasText: 'which the board’s filters hide' });
    await expect(toast).toContainText('Added “Fix the outage”');
    await expect(taskTitles(page)).toHaveText(['Tidy the backlog']);
    await toast.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(board);
    await expect(taskTitles(page)).toHaveText(['Fix the outage', 'Tidy the backlog']);
  });
});

test('closing the task dialog with unsaved edits asks first, and keeping them is the default', async ({
  page,
  personalBoard: { account, api, workspaceId, board },
}) => {
  const task = await createTasks(api, workspaceId, ['Book the venue']);
  await signIn(page, account, board);
  await page.getByRole('link', { name: 'Book the venue' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit task' });
  const title = dialog.getByLabel('Title');
  await expect(title).toHaveValue('Book the venue');
  await title.fill('Book the bigger venue');

  const confirm = page.getByRole('dialog', { name: 'Discard changes?' });
  // Escape asks; Escape again means "keep editing".
  await page.keyboard.press('Escape');
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(title).toHaveValue('Book the bigger venue');

  // A click outside the dialog asks too. Right after the question closes, the dialog may not yet
  // listen for outside clicks again (a frame on a busy machine): click until it asks.
  await expect(async () => {
    await page.mouse.click(5, 5);
    await expect(confirm).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await confirm.getByRole('button', { name: 'Keep editing' }).click();
  await expect(title).toHaveValue('Book the bigger venue');

  // Cancel, then "Discard changes": closed, and nothing was saved.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await confirm.getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(board);
  await expect(page.getByRole('link', { name: 'Book the venue' })).toBeFocused();
  expect((await readTask(api, workspaceId, task('Book the venue').id)).title).toBe(
    'Book the venue',
  );
});

/*
 * A server of this test's own, on a free port with its own data directory: the suite's shared
 * server cannot be stopped under the other tests.
 */

const e2eDir = path.resolve(import.meta.dirname, '..');
const cli = path.resolve(e2eDir, '../apps/api/src/cli/main.ts');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('port')),
      );
    });
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

function ownServer(port: number, dataDir: string) {
  const env = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    AUTH_IP_RATE_LIMIT: '1000',
    RATE_LIMIT_MAX: '100000',
  };
  const url = `http://localhost:${port}`;
  let server: ChildProcess | null = null;
  return {
    url,
    async createAdmin(email: string, password: string) {
      const child = spawn(
        process.execPath,
        [cli, 'create-admin', '--email', email, '--name', 'Ops'],
        {
          env,
          cwd: e2eDir,
          stdio: ['pipe', 'ignore', 'inherit'],
        },
      );
      child.stdin?.end(`${password}\n`);
      expect(await exited(child), 'create-admin exits cleanly').toBe(0);
    },
    async start() {
      server = spawn(process.execPath, [cli, 'serve'], {
        env,
        cwd: e2eDir,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      await expect
        .poll(
          async () => {
            try {
              return (await fetch(`${url}/health`)).status;
            } catch {
              return 0;
            }
          },
          // A new data directory takes seconds to make, many more on a busy machine.
          { intervals: [100, 250, 500], timeout: 120_000 },
        )
        .toBe(200);
    },
    async stop() {
      const running = server;
      server = null;
      if (!running || running.exitCode !== null) return;
      running.kill('SIGTERM');
      await exited(running);
    },
  };
}

test('the kanban recovers by itself once a restarted server answers again', async ({
  page,
  pageErrors,
}) => {
  // Two server starts, and the retries the columns make before they give up.
  test.setTimeout(test.info().timeout * 3);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'taskflow-e2e-restart-'));
  const server = ownServer(await freePort(), dataDir);
  const email = 'ops@e2e.test';
  const password = 'restart passphrase 5531';
  try {
    await server.createAdmin(email, password);
    await server.start();
    const signedIn = await page.request.post(`${server.url}/api/v1/auth/sign-in`, {
      data: { email, password },
    });
    expect(signedIn.status()).toBe(200);
    const { accessToken } = (await signedIn.json()) as { accessToken: string };
    const headers = { Authorization: `Bearer ${accessToken}` };
    const workspace = await page.request.post(`${server.url}/api/v1/workspaces`, {
      headers,
      data: { name: 'Ops' },
    });
    const { id: workspaceId } = (await workspace.json()) as { id: string };
    const task = await page.request.post(`${server.url}/api/v1/workspaces/${workspaceId}/tasks`, {
      headers,
      data: { title: 'Rotate the keys' },
    });
    expect(task.status()).toBe(201);

    await page.goto(`${server.url}/w/${workspaceId}`);
    await expect(taskTitles(page)).toHaveText(['Rotate the keys']);
    const live = page.getByTestId('live-status');
    await expect(live).toHaveAttribute('data-state', 'live');
    const header = page.locator('header').first();
    const headerBox = await header.boundingBox();

    await server.stop();
    await expect(live).toHaveAttribute('data-state', 'disconnected');
    await expect(page.getByText('Live updates disconnected')).toBeVisible();
    // The notice floats: the header keeps its size, so the page does not jump.
    expect(await header.boundingBox()).toEqual(headerBox);

    // The kanban's columns are asked for while the server is down, and give up.
    await page.keyboard.press('v');
    const todo = page.getByTestId('column-todo');
    await expect(todo.getByTestId('tasks-error')).toBeVisible({ timeout: 60_000 });

    await server.start();
    // No click: the stream comes back, and the columns are asked again.
    await expect(live).toHaveAttribute('data-state', 'live', { timeout: 60_000 });
    await expect(todo.getByTestId('task-title')).toHaveText(['Rotate the keys']);
    await expect(page.getByTestId('tasks-error')).toHaveCount(0);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    // What the browser logs of the calls the stopped server refused is this test's doing.
    const refused = (error: string) =>
      error.includes('net::ERR_CONNECTION_REFUSED') && error.includes(server.url);
    pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((error) => !refused(error)));
  }
});
