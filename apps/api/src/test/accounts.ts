import type { App } from '../app.ts';
import { createAuthRepository } from '../modules/auth/auth.repository.ts';
import { createPasswordService } from '../modules/auth/password.ts';
import type { Database } from '../platform/db/database.ts';
import { bodyOf, createApiClient } from './api-client.ts';

export const testPassword = 'violet staple gargoyle 42';
/** The user agent of a desktop browser, for sessions a device name can be read from. */
export const browserUserAgent =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** The one-time token from the newest mail to `to` in the development outbox. */
export async function tokenFromOutbox(database: Database, to: string) {
  const mail = await database.db
    .selectFrom('mail_outbox')
    .select('text_body')
    .where('to_address', '=', to)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  return mail.text_body.match(/token=([\w-]+)/)?.[1] ?? '';
}

/** Registers a user and verifies the address through the development outbox. */
export async function createVerifiedUser(app: App, database: Database, email: string) {
  const api = createApiClient(app);
  await api.post('/api/v1/auth/register', {
    body: { email, name: 'Test User', password: testPassword },
  });
  const token = await tokenFromOutbox(database, email);
  bodyOf(await api.post('/api/v1/auth/verify-email', { body: { token } }), 200);
}

/**
 * Signs in and returns a client bound to that session's access token: `api`, typed by the
 * OpenAPI document, and `get`/`send` for raw requests (bodies the document would refuse).
 */
export async function signedIn(app: App, email: string, password = testPassword) {
  const session = bodyOf(
    await createApiClient(app).post('/api/v1/auth/sign-in', {
      body: { email, password },
      headers: { 'user-agent': browserUserAgent },
    }),
    200,
  );
  const { accessToken } = session;
  const headers = { authorization: `Bearer ${accessToken}` };
  return {
    accessToken,
    userId: session.user.id,
    api: createApiClient(app, { token: accessToken }),
    get: (url: string) => app.inject({ url, headers }),
    send: (
      method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
      url: string,
      payload?: object,
      extra: Record<string, string> = {},
    ) => app.inject({ method, url, payload, headers: { ...extra, ...headers } }),
  };
}

/** The administrator admin@example.com, as `taskflow create-admin` makes one. */
export async function insertAdmin(database: Database) {
  const passwordHash = await createPasswordService().hash(testPassword);
  await createAuthRepository(database.db).insertAdmin({
    email: 'admin@example.com',
    name: 'Admin',
    passwordHash,
  });
}

/** The administrator admin@example.com (as `taskflow create-admin` makes one), signed in. */
export async function createAdmin(app: App, database: Database) {
  await insertAdmin(database);
  return signedIn(app, 'admin@example.com');
}
