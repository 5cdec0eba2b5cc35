import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../app.ts';
import type { Database } from '../../platform/db/database.ts';
import { createVerifiedUser, testPassword as password, signedIn } from '../../test/accounts.ts';
import { buildTestApp } from '../../test/app.ts';
import { createMigratedTestDatabase } from '../../test/database.ts';
import { softwarePasskey } from '../../test/passkey-authenticator.ts';

/**
 * Two API instances on one database, as in cluster mode: the options of a ceremony come from one
 * and the browser's answer reaches the other. The challenge is in the database, so it works, and
 * once used on one it is refused on both. PGlite here; PostgreSQL under `npm run test:pg`.
 */
describe('passkey ceremonies across instances', () => {
  const origin = 'https://tasks.example';
  let database: Database;
  let a: App;
  let b: App;

  beforeAll(async () => {
    database = await createMigratedTestDatabase();
    a = (await buildTestApp(database, { PUBLIC_URL: origin })).app;
    b = (await buildTestApp(database, { PUBLIC_URL: origin })).app;
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.close();
  });

  const post = (app: App, url: string, payload: object, token?: string) =>
    app.inject({
      method: 'POST',
      url,
      payload,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  it('registers on B with options from A, and signs in on A with options from B, once', async () => {
    await createVerifiedUser(a, database, 'cluster@example.com');
    const { accessToken } = await signedIn(a, 'cluster@example.com');
    const key = softwarePasskey({ origin, rpId: 'tasks.example' });

    const start = await post(
      a,
      '/api/v1/me/passkeys/registration-options',
      { password },
      accessToken,
    );
    const { challengeId, options } = start.json();
    expect(options.rp.id).toBe('tasks.example');
    const created = await post(
      b,
      '/api/v1/me/passkeys',
      { challengeId, name: 'Key', credential: key.attest(options) },
      accessToken,
    );
    expect(created.statusCode).toBe(201);

    const signIn = (await post(b, '/api/v1/auth/passkey/options', {})).json();
    const body = { challengeId: signIn.challengeId, credential: key.assert(signIn.options) };
    expect((await post(a, '/api/v1/auth/passkey/sign-in', body)).statusCode).toBe(200);
    const replay = await post(b, '/api/v1/auth/passkey/sign-in', body);
    expect(replay.json().code).toBe('PASSKEY_CHALLENGE_EXPIRED');
  });
});
