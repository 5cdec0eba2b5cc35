import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startTestProvider, TEST_CLIENT } from '../../apps/api/src/test/oidc-provider.ts';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { freePort } from './free-port.ts';

/**
 * Single sign-on through a real OpenID provider (oidc-provider, started here on loopback) and its
 * own sign-in page, in Chromium: a TaskFlow server of its own (the suite's shared one has no
 * provider configured), on `localhost`, with the provider on `127.0.0.1`: another site.
 */
const cli = path.resolve(import.meta.dirname, '../../apps/api/src/cli/main.ts');

let server: ChildProcess;
let provider: Awaited<ReturnType<typeof startTestProvider>>;
let dataDir: string;
let origin: string;
const existing = { email: 'grace@acme.test', password: 'grace e2e pass phrase' };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const port = await freePort();
  origin = `http://localhost:${port}`;
  provider = await startTestProvider({
    redirectUris: [`${origin}/api/v1/auth/sso/acme/callback`],
    accounts: { 'outsider-sub': { email: 'outsider@elsewhere.test' } },
  });
  dataDir = mkdtempSync(path.join(tmpdir(), 'taskflow-e2e-sso-'));
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    PORT: String(port),
    DATA_DIR: dataDir,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
  };
  // An account that exists before its owner first uses single sign-on (password on stdin).
  const created = spawnSync(
    process.execPath,
    [cli, 'create-admin', '--email', existing.email, '--name', 'Grace'],
    { env, input: `${existing.password}\n`, encoding: 'utf8' },
  );
  expect(created.status, created.stderr).toBe(0);
  server = spawn(process.execPath, [cli, 'serve'], {
    env: {
      ...env,
      OIDC_PROVIDERS: 'acme',
      OIDC_ACME_ISSUER: provider.issuer,
      OIDC_ACME_CLIENT_ID: TEST_CLIENT.id,
      OIDC_ACME_CLIENT_SECRET: TEST_CLIENT.secret,
      OIDC_ACME_NAME: 'Acme',
      OIDC_ACME_ALLOWED_DOMAINS: 'acme.test',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await expect
    .poll(
      async () => {
        if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode})`);
        return fetch(`${origin}/health`).then(
          (res) => res.status,
          () => 0,
        );
      },
      { timeout: 150_000 },
    )
    .toBe(200);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  await provider?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** On the provider's own sign-in page: any login, the login is the account. */
async function signInAtProvider(page: import('@playwright/test').Page, login: string) {
  await page.getByRole('link', { name: 'Sign in with Acme' }).click();
  await page.waitForURL((url) => url.origin === provider.issuer);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.locator('button[type="submit"]').click();
}

test('a new person signs in with the provider and gets a verified account', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await expect(page.getByRole('link', { name: 'Sign in with Acme' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the sign-in page with SSO');
  await signInAtProvider(page, 'newcomer@acme.test');
  // Back in TaskFlow, signed in by the silent refresh of the cookie the callback set.
  await page.waitForURL((url) => url.origin === origin);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.goto('/account');
  const identity = page.getByTestId('sso-identity');
  await expect(identity).toContainText('Acme');
  await expect(identity).toContainText('newcomer@acme.test');
  await context.close();
});

test('an address of a domain the provider is not allowed for is refused with a clear message', async ({
  browser,
}) => {
  const context = await browser.newContext({
    baseURL: origin,
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await signInAtProvider(page, 'outsider-sub');
  await expect(page.getByTestId('sso-error')).toContainText(
    'Accounts of your email domain cannot sign in with this provider.',
  );
  expect(new URL(page.url()).pathname).toBe('/sign-in');
  await context.close();
});

test('an existing account is linked only after its password is given on the link page', async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await signInAtProvider(page, existing.email);
  await expect(page.getByRole('heading', { name: 'Link your account' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the SSO link page');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Link and sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('The email or password is not correct.');
  await page.getByLabel('Password').fill(existing.password);
  const linked = page.waitForResponse((res) => res.url().endsWith('/api/v1/auth/sso/link'));
  await page.getByRole('button', { name: 'Link and sign in' }).click();
  const res = await linked;
  expect(res.status(), await res.text()).toBe(200);
  await page.waitForURL((url) => url.pathname.startsWith('/w'));
  await page.goto('/account');
  await expect(page.getByTestId('sso-identity')).toContainText(existing.email);
  await context.close();
});
