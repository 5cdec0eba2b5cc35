import {
  type APIRequestContext,
  type BrowserContext,
  test as base,
  type ConsoleMessage,
  expect,
  type Page,
} from '@playwright/test';
import { admin } from './admin-account.ts';

/**
 * Responses the app expects and handles, which Chromium still logs as console errors: the status
 * expected from each API path. A `*` segment stands for any one segment, such as an id made during
 * the test. (An object, not an array: `test.use` reads arrays as options.)
 */
export type ExpectedFailures = Record<string, number>;

/**
 * On load the app asks for a new access token with the refresh cookie: without a live session
 * (never signed in, signed out, revoked) the API answers 401, and the app shows "signed out".
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

function watch(page: Page, errors: string[], expected: ExpectedFailures) {
  page.on('console', (message) => {
    if (message.type() === 'error' && !isExpected(message, expected)) {
      errors.push(`console: ${message.text()} (${message.location().url})`);
    }
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
}

type TestFixtures = {
  /** Further failures a test expects, e.g. the 401 a revoked session gets on its next call. */
  expectedFailures: ExpectedFailures;
  pageErrors: string[];
  /** Another browser with cookies of its own, its pages watched like `page`. */
  newBrowserContext: () => Promise<BrowserContext>;
};

type WorkerFixtures = {
  /** The API as the e2e admin, to read the development mail outbox. Signed in once per worker. */
  adminApi: APIRequestContext;
};

/** Every test fails if a page logged an unexpected console error or threw an uncaught exception. */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  expectedFailures: [{}, { option: true }],

  pageErrors: [
    async ({ context, expectedFailures }, use) => {
      const errors: string[] = [];
      const expected = { ...alwaysExpected, ...expectedFailures };
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
    async ({ playwright }, use, workerInfo) => {
      const { baseURL } = workerInfo.project.use;
      const anonymous = await playwright.request.newContext({ baseURL });
      const response = await anonymous.post('/api/v1/auth/sign-in', {
        data: { email: admin.email, password: admin.password },
      });
      expect(response.status(), 'the e2e admin signs in').toBe(200);
      const { accessToken } = (await response.json()) as { accessToken: string };
      await anonymous.dispose();
      const api = await playwright.request.newContext({
        baseURL,
        extraHTTPHeaders: { Authorization: `Bearer ${accessToken}` },
      });
      await use(api);
      await api.dispose();
    },
    { scope: 'worker' },
  ],
});

export { expect };
