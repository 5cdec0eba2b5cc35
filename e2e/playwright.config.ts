import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { admin } from './tests/admin-account.ts';
import { baseURL, port } from './tests/base-url.ts';

/**
 * How many times slower than a quiet machine a step may be. CI shares two cores with other work
 * (load averages of 8 to 14 seen), where a first page load, a sign-in (argon2) or an axe scan
 * takes several times as long. These are the suite's only time budgets: tests wait for states
 * (a response, the stream open, an element's state), with these as the bounds.
 */
const slowdown = Number(process.env.E2E_SLOWDOWN ?? 4);
// A fresh embedded database per run, so tests never see data from an earlier run.
const dataDir = mkdtempSync(path.join(tmpdir(), 'taskflow-e2e-'));

const browser = {
  ...devices['Desktop Chrome'],
  headless: true,
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // Without the networking flags Chromium floods the closed network with refused calls.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  },
};

export default defineConfig({
  testDir: './tests',
  // Two files at a time against the one server: each test makes its own accounts and
  // workspaces, so one file does not see another's data. A file's tests run in order.
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  timeout: 30_000 * slowdown,
  expect: { timeout: 5_000 * slowdown },
  use: {
    baseURL,
    trace: 'retain-on-failure',
  },
  projects: [
    // Tests tagged @instance (fixtures.ts) share the admin account or instance-wide figures: they
    // run one at a time, once the rest have finished.
    { name: 'chromium', grepInvert: /@instance/, use: browser },
    {
      name: 'chromium-instance',
      grep: /@instance/,
      dependencies: ['chromium'],
      workers: 1,
      use: browser,
    },
  ],
  // The real app, serving the built SPA from apps/web/dist (build it first). The admin, whose
  // mail outbox holds the links the tests follow, is created first: the server then holds the
  // lock on the embedded database. The password goes in on stdin, never on the command line.
  webServer: {
    command: [
      `printf '%s\\n' "$E2E_ADMIN_PASSWORD" | node ../apps/api/src/cli/main.ts create-admin --email ${admin.email} --name ${admin.name}`,
      'node ../apps/api/src/cli/main.ts serve',
    ].join(' && '),
    url: `${baseURL}/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      E2E_ADMIN_PASSWORD: admin.password,
      // Every test signs in from 127.0.0.1: the per-IP limits are for attackers, not this suite,
      // whose boards (and their setup through the API) make thousands of requests a minute.
      AUTH_IP_RATE_LIMIT: '1000',
      RATE_LIMIT_MAX: '100000',
    },
  },
});
