import type { Page } from '@playwright/test';
import { generate } from 'otplib';
import type { Credentials } from './accounts.ts';
import { signIn } from './accounts.ts';
import { expectAnswer } from './api-client.ts';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { expectNoPageOverflow } from './overflow.ts';

/**
 * Chromium's virtual authenticator (DevTools protocol): a platform authenticator that keeps
 * discoverable credentials and verifies its user, as a laptop with a fingerprint reader does.
 */
async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });
}

async function addPasskey(page: Page, account: Credentials, name: string) {
  const card = page.getByTestId('passkeys');
  await card.getByRole('button', { name: 'Add a passkey' }).click();
  await card.getByLabel('Passkey name').fill(name);
  await card.getByLabel('Your password').fill(account.password);
  await card.getByRole('button', { name: 'Create passkey' }).click();
  await expect(card.getByTestId('passkey-name')).toHaveText([name]);
}

async function signOut(page: Page) {
  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL('/sign-in');
}

test.describe('passkeys', () => {
  // The passkey removed at the end is refused (401) when the authenticator still offers it.
  test.use({ expectedFailures: { '/api/v1/auth/passkey/sign-in': 401 } });

  test('add a passkey on the account page, sign in with it alone, rename and remove it', async ({
    page,
    accounts,
  }) => {
    const { account } = await accounts.create();
    await virtualAuthenticator(page);
    await signIn(page, account, '/account');
    const card = page.getByTestId('passkeys');
    await expect(card.getByTestId('passkeys-empty')).toBeVisible();

    await addPasskey(page, account, 'Laptop');
    await expect(card.getByTestId('passkey-last-used')).toHaveText('Never used');
    await signOut(page);

    // No email, no password: the browser offers the passkey it holds.
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await expect(page.getByTestId('user-name')).toHaveText(account.name);

    await page.goto('/account');
    await expect(card.getByTestId('passkey-last-used')).toContainText('Last used');
    await card.getByRole('button', { name: 'Rename the passkey Laptop' }).click();
    await card.getByLabel('New name').fill('Work laptop');
    await card.getByRole('button', { name: 'Save' }).click();
    await expect(card.getByTestId('passkey-name')).toHaveText(['Work laptop']);

    await card.getByRole('button', { name: 'Remove the passkey Work laptop' }).click();
    const remove = card.getByTestId('passkey-remove-form');
    await remove.getByLabel('Your password').fill(account.password);
    await remove.getByRole('button', { name: 'Remove passkey' }).click();
    await expect(card.getByTestId('passkeys-empty')).toBeVisible();
    await signOut(page);

    // The authenticator still has the credential, but TaskFlow no longer knows it.
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await expect(page.getByTestId('passkey-sign-in-error')).toContainText(
      'That passkey could not be verified',
    );
  });

  test('a passkey passes the two-factor step instead of a code', async ({ page, accounts }) => {
    const { account, api } = await accounts.create();
    await virtualAuthenticator(page);
    await signIn(page, account, '/account');
    await addPasskey(page, account, 'Laptop');
    // Two-factor sign-in on, through the API (the browser's sign-in above needed the password only).
    const { secret } = await expectAnswer(
      api.POST('/api/v1/me/two-factor/enrol', { body: { password: account.password } }),
      200,
      'two-factor enrolment',
    );
    const { recoveryCodes } = await expectAnswer(
      api.POST('/api/v1/me/two-factor/confirm', { body: { code: await generate({ secret }) } }),
      200,
      'two-factor confirmation',
    );
    await signOut(page);

    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByLabel('Authentication code')).toBeVisible();
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    await expect(page.getByTestId('user-name')).toHaveText(account.name);

    // The account's clean-up signs in with the password alone: two-factor sign-in goes off.
    await expectAnswer(
      api.POST('/api/v1/me/two-factor/disable', {
        body: { password: account.password, code: recoveryCodes[0] ?? '' },
      }),
      204,
      'two-factor off',
    );
  });

  test('the passkeys card fits a phone, with no serious accessibility violation', async ({
    page,
    accounts,
  }) => {
    const { account } = await accounts.create();
    await page.setViewportSize({ width: 390, height: 844 });
    await virtualAuthenticator(page);
    await signIn(page, account, '/account');
    await addPasskey(page, account, 'A passkey with a rather long name for a phone screen');
    await expectNoPageOverflow(page, 'the account page with a passkey');
    await expectNoSeriousA11yViolations(page, 'the account page with a passkey, on a phone');
  });
});
