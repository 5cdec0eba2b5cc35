import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import { mailedLink } from './mail.ts';

export type Account = { id: string; name: string; email: string; password: string };

export function newAccount(): Omit<Account, 'id'> {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return { name: `User ${id}`, email: `user-${id}@e2e.test`, password: `e2e pass ${id} phrase` };
}

/** A registered, verified account, made through the API (for tests whose subject is elsewhere). */
export async function createAccount(
  request: APIRequestContext,
  adminApi: APIRequestContext,
): Promise<Account> {
  const account = newAccount();
  const registered = await request.post('/api/v1/auth/register', { data: account });
  expect(registered.status(), 'registration').toBe(202);
  const link = await mailedLink(adminApi, account.email, '/verify-email');
  const token = new URLSearchParams(link.split('?')[1]).get('token');
  const verified = await request.post('/api/v1/auth/verify-email', { data: { token } });
  expect(verified.ok(), 'email verification').toBe(true);
  const signedIn = await request.post('/api/v1/auth/sign-in', {
    data: { email: account.email, password: account.password },
  });
  const { user } = (await signedIn.json()) as { user: { id: string } };
  return { ...account, id: user.id };
}

/** The API as `account`, with a bearer token of its own session. */
export async function apiAs(
  request: APIRequestContext,
  account: Account,
): Promise<Record<'get' | 'post' | 'patch' | 'delete', APIRequestContext['fetch']>> {
  const response = await request.post('/api/v1/auth/sign-in', {
    data: { email: account.email, password: account.password },
  });
  expect(response.status(), `${account.email} signs in`).toBe(200);
  const { accessToken } = (await response.json()) as { accessToken: string };
  const headers = { Authorization: `Bearer ${accessToken}` };
  const call =
    (method: string): APIRequestContext['fetch'] =>
    (url, options = {}) =>
      request.fetch(url, { ...options, method, headers: { ...headers, ...options.headers } });
  return { get: call('GET'), post: call('POST'), patch: call('PATCH'), delete: call('DELETE') };
}

/**
 * Signs `page`'s browser in without the form (the form has its own tests): the sign-in answer
 * sets the refresh cookie in the page's context, and the app's silent refresh picks it up.
 */
export async function signIn(page: Page, account: Account, path = '/w') {
  const response = await page.request.post('/api/v1/auth/sign-in', {
    data: { email: account.email, password: account.password },
  });
  expect(response.status(), `${account.email} signs in`).toBe(200);
  await page.goto(path);
}
