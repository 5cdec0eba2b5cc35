import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { freePort } from './free-port.ts';

/**
 * The first administrator of a fresh embedded database, from the one-time setup link its server
 * prints: a server of its own (the suite's shared one already has an admin), on a free port with
 * its own data directory, with the demo workspace seeded as `npm start` does.
 */
const cli = path.resolve(import.meta.dirname, '../../apps/api/src/cli/main.ts');

/** Resolves with the first match of `pattern` in the server's stdout. */
function lineOf(server: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk;
      const match = pattern.exec(out);
      if (match) {
        server.stdout?.off('data', onData);
        resolve(match);
      }
    };
    server.stdout?.on('data', onData);
    server.once('exit', (code) =>
      reject(new Error(`the server exited (${code}) before ${pattern}`)),
    );
  });
}

let server: ChildProcess;
let dataDir: string;
let origin: string;
let setupPath: string;
let demo: { email: string; password: string };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const port = await freePort();
  dataDir = mkdtempSync(path.join(tmpdir(), 'taskflow-e2e-setup-'));
  server = spawn(process.execPath, [cli, 'serve'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: String(port),
      DATA_DIR: dataDir,
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const seeded = lineOf(server, /as (\S+@\S+) with the password (\S+)"/);
  const link = await lineOf(
    server,
    /open (http:\/\/\S+?)(\/setup\/[\w-]+) to create the first one/,
  );
  const [, email = '', password = ''] = await seeded;
  demo = { email, password };
  origin = link[1] ?? '';
  setupPath = link[2] ?? '';
});

test.afterAll(async () => {
  if (server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

const adminLink = (page: import('@playwright/test').Page) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' });

test('the setup link makes the first admin once; a role change shows the Admin link live', async ({
  browser,
}) => {
  const first = await browser.newContext({ baseURL: origin });
  const page = await first.newPage();
  await page.goto(setupPath);
  await expect(page.getByRole('heading', { name: 'Set up TaskFlow' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create administrator' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the setup page');

  const owner = { email: 'owner@e2e.test', password: 'owner e2e pass phrase' };
  await page.getByLabel('Name').fill('Owner');
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill(owner.password);
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Admin dashboard' })).toBeVisible();
  await expect(adminLink(page)).toBeVisible();

  // The link works once: a second visitor is told so.
  const second = await browser.newContext({ baseURL: origin });
  const late = await second.newPage();
  await late.goto(setupPath);
  await expect(late.getByTestId('setup-error')).toContainText('already used');
  await expect(late.getByRole('button', { name: 'Create administrator' })).toHaveCount(0);

  // The demo user, signed in in another browser, becomes an admin: the link appears, no reload.
  const demoContext = await browser.newContext({ baseURL: origin });
  const demoPage = await demoContext.newPage();
  const signedIn = await demoPage.request.post('/api/v1/auth/sign-in', { data: demo });
  expect(signedIn.status()).toBe(200);
  const demoId = ((await signedIn.json()) as { user: { id: string } }).user.id;
  await demoPage.goto('/w');
  await expect(demoPage.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(demoPage.getByTestId('live-status')).toHaveAttribute('data-state', 'live');
  await expect(adminLink(demoPage)).toHaveCount(0);

  const ownerSession = await page.request.post('/api/v1/auth/sign-in', { data: owner });
  const { accessToken } = (await ownerSession.json()) as { accessToken: string };
  const promoted = await page.request.patch(`/api/v1/admin/users/${demoId}`, {
    headers: { authorization: `Bearer ${accessToken}` },
    data: { role: 'admin' },
  });
  expect(promoted.status()).toBe(200);
  await expect(adminLink(demoPage)).toBeVisible();

  await Promise.all([first.close(), second.close(), demoContext.close()]);
});
