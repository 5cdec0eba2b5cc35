import {
  type BrowserContext,
  test as base,
  type ConsoleMessage,
  expect,
  type Page,
} from '@playwright/test';
import { type Account, type Credentials, registerAccount, signInApi } from './accounts.ts';
import { admin } from './admin-account.ts';
import type { Api } from './api-client.ts';
import {
  removeOwnData,
  revokeSessionsSince,
  signOutEverywhere,
  signOutThisSession,
} from './cleanup.ts';
import { personalWorkspace } from './tasks-api.ts';

/**
 * Responses the app expects and handles, which Chromium still logs as console errors: the status
 * expected from each API path. A `*` segment stands for any one segment, such as an id made during
 * the test. (An object, not an array: `test.use` reads arrays as options.)
 */
type ExpectedFailures = Record<string, number>;

/**
 * On load the app asks for a new access token with the refresh cookie: without one at all the API
 * answers 204 (no console error); with a dead one (revoked, expired) it answers 401, and the app
 * shows "signed out".
 */
const alwaysExpected: ExpectedFailures = { '/api/v1/auth/refresh': 401 };

function pathMatches(pattern: string, path: string): boolean {
  const want = pattern.split('/');
  const got = path.split('/');
  return (
    want.length === got.length && want.every((segment, i) => segment === '*' || segment === got[i])
  );
}

function isExpected(message: ConsoleMessage, expected: ExpectedFailures): boolean {
  const failed = /^Failed to load resource: the server responded with a status of (\d{3})\b/.exec(
    message.text(),
  );
  if (!failed) return false;
  const url = message.location().url;
  const path = url ? new URL(url).pathname : '';
  return Object.entries(expected).some(
    ([pattern, status]) => status === Number(failed[1]) && pathMatches(pattern, path),
  );
}

/** Run in every page before its own scripts (the e2e code has no DOM types, so it is text). */
const reportCspViolations = `document.addEventListener('securitypolicyviolation', (event) =>
  console.error('CSP violation: ' + event.violatedDirective + ' ' + event.blockedURI));`;

function watch(page: Page, errors: string[], expected: ExpectedFailures) {
  page.on('console', (message) => {
    if (message.type() === 'error' && !isExpected(message, expected)) {
      errors.push(`console: ${message.text()} (${message.location().url})`);
    }
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
}

/** The accounts of a test; whatever they own and every session of theirs go when it ends. */
export type Accounts = {
  /** A new registered, verified account, made through the API, and the API as that account. */
  create(): Promise<{ account: Account; api: Api }>;
  /** An account the test made through the pages: pass the object, and update its password. */
  track(account: Credentials): void;
  /** The e2e admin as a user of the app; the sessions a test opens for it are signed out after. */
  admin(): Api;
};

/** A new account, the API as it, and its (empty) personal board, for the board's tests. */
type PersonalBoard = { account: Account; api: Api; workspaceId: string; board: string };

type TestFixtures = {
  accounts: Accounts;
  personalBoard: PersonalBoard;
  /** Further failures a test expects, e.g. the 401 a revoked session gets on its next call. */
  expectedFailures: ExpectedFailures;
  pageErrors: string[];
  /** Another browser with cookies of its own, its pages watched like `page`. */
  newBrowserContext: () => Promise<BrowserContext>;
};

type WorkerFixtures = {
  /** The API as the e2e admin, to read the development mail outbox. Signed in once per worker. */
  adminApi: Api;
};

/** Every test fails if a page logged an unexpected console error or threw an uncaught exception. */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  expectedFailures: [{}, { option: true }],

  accounts: async ({ request, adminApi }, use) => {
    const cleanups: (() => Promise<void>)[] = [];
    // Signed in again at the end: the test may have signed the account out, or disabled it.
    const track = (account: Credentials) => {
      cleanups.push(async () => {
        const { api } = await signInApi(request, account);
        await removeOwnData(api);
        await signOutEverywhere(api, account.password);
      });
    };
    await use({
      async create() {
        const made = await registerAccount(request, adminApi);
        track(made.account);
        return made;
      },
      track,
      admin() {
        const since = new Date();
        cleanups.push(async () => {
          await removeOwnData(adminApi);
          await revokeSessionsSince(adminApi, admin.password, since);
        });
        return adminApi;
      },
    });
    for (const cleanup of cleanups) await cleanup();
  },

  personalBoard: async ({ accounts }, use) => {
    const { account, api } = await accounts.create();
    const workspaceId = await personalWorkspace(api);
    await use({ account, api, workspaceId, board: `/w/${workspaceId}` });
  },

  // Set up after the accounts, so torn down before them: the pages are checked and closed before
  // the data they show is removed.
  pageErrors: [
    async ({ accounts: _removedAfterThePagesClose, context, expectedFailures }, use) => {
      const errors: string[] = [];
      const expected = { ...alwaysExpected, ...expectedFailures };
      // A CSP violation is reported as an event, not always as a console error: make it one.
      await context.addInitScript({ content: reportCspViolations });
      context.on('page', (page) => watch(page, errors, expected));
      for (const page of context.pages()) watch(page, errors, expected);
      await use(errors);
      expect(errors, 'console errors and page errors').toEqual([]);
    },
    { auto: true },
  ],

  newBrowserContext: async ({ browser, baseURL, pageErrors, expectedFailures }, use) => {
    const contexts: BrowserContext[] = [];
    const expected = { ...alwaysExpected, ...expectedFailures };
    await use(async () => {
      const context = await browser.newContext({ baseURL });
      context.on('page', (page) => watch(page, pageErrors, expected));
      contexts.push(context);
      return context;
    });
    for (const context of contexts) await context.close();
  },

  adminApi: [
    async ({ playwright }, use) => {
      const request = await playwright.request.newContext();
      const { api } = await signInApi(request, admin);
      await use(api);
      await signOutThisSession(api, admin.password);
      await request.dispose();
    },
    { scope: 'worker' },
  ],
});

export { expect };

/**
 * Marks a test that uses what the whole instance shares: the admin account signed in from a
 * browser (its clean-up signs out its other sessions) or instance-wide figures. The config runs
 * these one at a time, after the others, which run two files at once.
 */
export const INSTANCE = { tag: '@instance' };
