import type { APIRequestContext, Page } from '@playwright/test';
import { type Api, apiClient, expectAnswer } from './api-client.ts';
import { mailedLink } from './mail.ts';

export type Credentials = { email: string; password: string };
export type Account = Credentials & { id: string; name: string };

export function newAccount(): Omit<Account, 'id'> {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return { name: `User ${id}`, email: `user-${id}@e2e.test`, password: `e2e pass ${id} phrase` };
}

/** A new session of `account`, and the API as that session (a bearer token of its own). */
export async function signInApi(request: APIRequestContext, account: Credentials) {
  const session = await expectAnswer(
    apiClient(request).POST('/api/v1/auth/sign-in', {
      body: { email: account.email, password: account.password },
    }),
    200,
    `${account.email} signs in`,
  );
  if (!('accessToken' in session)) throw new Error(`${account.email} has two-factor sign-in on`);
  return { user: session.user, api: apiClient(request, session.accessToken) };
}

/** A registered, verified account, made through the API, and the API as that account. */
export async function registerAccount(
  request: APIRequestContext,
  adminApi: Api,
): Promise<{ account: Account; api: Api }> {
  const details = newAccount();
  const anonymous = apiClient(request);
  await expectAnswer(
    anonymous.POST('/api/v1/auth/register', { body: details }),
    202,
    'registration',
  );
  const link = await mailedLink(adminApi, details.email, '/verify-email');
  const token = new URL(link, 'http://link').searchParams.get('token') ?? '';
  await expectAnswer(
    anonymous.POST('/api/v1/auth/verify-email', { body: { token } }),
    200,
    'email verification',
  );
  const { user, api } = await signInApi(request, details);
  return { account: { ...details, id: user.id }, api };
}

/**
 * Signs `page`'s browser in without the form (the form has its own tests): the sign-in answer
 * sets the refresh cookie in the page's context, and the app's silent refresh picks it up.
 */
export async function signIn(page: Page, account: Credentials, path = '/w') {
  await signInApi(page.request, account);
  await page.goto(path);
}
