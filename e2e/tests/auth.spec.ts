import type { Page } from '@playwright/test';
import { newAccount } from './accounts.ts';
import type { Api } from './api-client.ts';
import { type Accounts, test as base, expect } from './fixtures.ts';
import { holdNextRefresh, pendingRefreshLocks } from './hold-refresh.ts';
import { mailedLink } from './mail.ts';

type Account = ReturnType<typeof newAccount>;

async function register(page: Page, account: Account) {
  await page.goto('/register');
  await page.getByLabel('Name').fill(account.name);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
}

async function signIn(page: Page, account: Account) {
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Opens the sign-in page and signs in with the form, until the header shows who is in. */
async function signInFromStart(page: Page, account: Account) {
  await page.goto('/sign-in');
  await signIn(page, account);
  await expect(page.getByTestId('user-name')).toHaveText(account.name);
}

/** A registered, verified account, made through the UI and the mailed link. */
async function verifiedAccount(page: Page, adminApi: Api, accounts: Accounts) {
  const account = newAccount();
  await register(page, account);
  accounts.track(account);
  await page.goto(await mailedLink(adminApi, account.email, '/verify-email'));
  await expect(page.getByTestId('verify-email-success')).toBeVisible();
  return account;
}

/**
 * A session ended in one tab (signed out, revoked) ends its streams in the others at once; their
 * next connection, made with that session's token before they refresh it, is refused. Whether
 * it comes before the test ends depends on how busy the machine is.
 */
const streamOfEndedSession = { '/api/v1/events': 401 };

/** Each test starts with an account registered and verified through the pages. */
const test = base.extend<{ registered: Account }>({
  registered: async ({ page, adminApi, accounts }, use) => {
    await use(await verifiedAccount(page, adminApi, accounts));
  },
});
test.use({ expectedFailures: streamOfEndedSession });

test('register, verify, sign in, stay signed in, sign out, and come back to the page asked for', async ({
  page,
  context,
  registered: account,
}) => {
  await page.getByRole('link', { name: 'Sign in', exact: true }).last().click();
  await expect(page).toHaveURL('/sign-in');
  await signIn(page, account);
  // Without a page asked for, signing in opens the board.
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('user-name')).toHaveText(account.name);

  // The token lives in memory only: a reload gets a new one with the refresh cookie.
  await page.reload();
  await expect(page.getByTestId('user-name')).toHaveText(account.name);
  // A string, evaluated in the page: this project's types have no DOM.
  const readable = await page.evaluate<string>(
    'JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie])',
  );
  expect(readable, 'no token where script can read it').not.toMatch(/eyJ[\w-]+\.[\w-]+\./);

  // A new tab of the same browser shares the cookie.
  const tab = await context.newPage();
  await tab.goto('/account');
  await expect(tab.getByTestId('account-page')).toBeVisible();
  await expect(tab.getByTestId('profile-email')).toHaveText(account.email);
  await expect(tab.getByTestId('session-current')).toHaveCount(1);

  // The header follows a profile change.
  account.name = `${account.name} Renamed`;
  await tab.getByLabel('Name').fill(account.name);
  await tab.getByRole('button', { name: 'Save profile' }).click();
  await expect(tab.getByTestId('profile-saved')).toBeVisible();
  await expect(tab.getByTestId('user-name')).toHaveText(account.name);

  await tab.getByTestId('sign-out').click();
  await expect(tab).toHaveURL('/sign-in');
  await expect(tab.getByTestId('sign-in-link')).toBeVisible();

  await tab.goto('/account');
  await expect(tab).toHaveURL('/sign-in?redirect=%2Faccount');
  await expect(tab.getByTestId('account-page')).toHaveCount(0);
  await signIn(tab, account);
  await expect(tab).toHaveURL('/account');
  await expect(tab.getByTestId('account-page')).toBeVisible();
});

test.describe('a session revoked from another browser', () => {
  // Browser B's next API calls (the account page loads the user, the sessions, the mail
  // settings, two-factor, linked identities and tokens) are refused, and so is the refresh they
  // then share.
  test.use({
    expectedFailures: {
      ...streamOfEndedSession,
      '/api/v1/me': 401,
      '/api/v1/me/sessions': 401,
      '/api/v1/me/two-factor': 401,
      '/api/v1/me/sso-identities': 401,
      '/api/v1/me/access-tokens': 401,
      '/api/v1/notifications/settings': 401,
      // B's board may refetch in the background and find the session gone first.
      '/api/v1/workspaces/*/tasks': 401,
      '/api/v1/workspaces/*/labels': 401,
    },
  });

  test('is signed out on its next request', async ({
    page,
    registered: account,
    newBrowserContext,
  }) => {
    await signInFromStart(page, account);
    const pageB = await (await newBrowserContext()).newPage();
    await signInFromStart(pageB, account);

    await page.goto('/account');
    const sessions = page.getByTestId('session-item');
    await expect(sessions).toHaveCount(2);
    await page.getByTestId('session-revoke').click();
    const confirm = page.getByTestId('revoke-session-confirm');
    await confirm.getByLabel('Your password').fill(account.password);
    await confirm.getByRole('button', { name: 'Revoke session' }).click();
    await expect(sessions).toHaveCount(1);
    await expect(page.getByTestId('session-current')).toHaveCount(1);

    // B's next call to the API finds the session gone: the account page it opens, or a refetch
    // of its board that came first.
    const accountLink = pageB.getByRole('link', { name: 'Account', exact: true });
    if (await accountLink.isVisible()) await accountLink.click({ timeout: 5_000 }).catch(() => {});
    await expect(pageB).toHaveURL(/\/sign-in\?redirect=/);
    await expect(pageB.getByTestId('sign-in-link')).toBeVisible();
    await expect(pageB.getByTestId('session-ended')).toContainText('Your session was ended');

    // A is untouched.
    await page.reload();
    await expect(page.getByTestId('account-page')).toBeVisible();
  });
});

test('a forgotten password is reset through the mailed link', async ({
  page,
  adminApi,
  registered: account,
}) => {
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  // The sign-in form has an Email field too: fill the one of the page that replaced it.
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await page.getByLabel('Email').fill(account.email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByTestId('forgot-password-done')).toBeVisible();

  await page.goto(await mailedLink(adminApi, account.email, '/reset-password'));
  account.password = `${account.password} renewed`;
  await page.getByLabel('New password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByTestId('reset-password-done')).toBeVisible();

  await page.getByRole('link', { name: 'Sign in with your new password' }).click();
  await signIn(page, account);
  await expect(page.getByTestId('user-name')).toHaveText(account.name);
});

test('tabs opening at once refresh one after the other, never with the same cookie', async ({
  page,
  context,
  registered: account,
}) => {
  await signInFromStart(page, account);

  // Tab 1's refresh rotates the cookie on the server; its answer (the new cookie) is held.
  const [tab1, tab2] = await Promise.all([context.newPage(), context.newPage()]);
  const { reachedServer, release } = await holdNextRefresh(tab1, context);
  const opening1 = tab1.goto('/account');
  await reachedServer;
  await tab2.goto('/account', { waitUntil: 'commit' });

  // Tab 2 waits for the cross-tab lock instead of sending the cookie tab 1 is replacing, which
  // the server would take for a stolen token and answer by ending the session.
  await expect.poll(() => pendingRefreshLocks(tab2)).toBe(1);
  release();
  await opening1;
  for (const tab of [tab1, tab2]) await expect(tab.getByTestId('account-page')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('user-name')).toHaveText(account.name);
});
