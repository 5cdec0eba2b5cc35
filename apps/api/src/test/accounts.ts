import type { App } from '../app.ts';
import type { Database } from '../platform/db/database.ts';

export const testPassword = 'violet staple gargoyle 42';
const browser =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** Registers a user and verifies the address through the development outbox. */
export async function createVerifiedUser(app: App, database: Database, email: string) {
  await app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { email, name: 'Test User', password: testPassword },
  });
  const mail = await database.db
    .selectFrom('mail_outbox')
    .select('text_body')
    .where('to_address', '=', email)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  const token = mail.text_body.match(/token=([\w-]+)/)?.[1];
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/verify-email',
    payload: { token },
  });
  if (res.statusCode !== 200) throw new Error(`verification failed: ${res.body}`);
}

/** Signs in and returns a client bound to that session's access token. */
export async function signedIn(app: App, email: string, password = testPassword) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password },
    headers: { 'user-agent': browser },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
  const userId = res.json().user.id as string;
  const accessToken = res.json().accessToken as string;
  const headers = { authorization: `Bearer ${accessToken}` };
  return {
    accessToken,
    userId,
    get: (url: string) => app.inject({ url, headers }),
    send: (
      method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
      url: string,
      payload?: object,
      extra: Record<string, string> = {},
    ) => app.inject({ method, url, payload, headers: { ...extra, ...headers } }),
  };
}
