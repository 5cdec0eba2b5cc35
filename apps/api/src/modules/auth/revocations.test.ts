import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { App } from '../../app.ts';
import type { Database } from '../../platform/db/database.ts';
import { createAccessToken, withAccessToken } from '../../test/access-tokens.ts';
import { createVerifiedUser, signedIn, testPassword } from '../../test/accounts.ts';
import { buildTestApp } from '../../test/app.ts';
import { createMigratedTestDatabase } from '../../test/database.ts';
import { openStream } from '../../test/event-stream.ts';

/**
 * Two API instances on one database: a revocation made through one is applied by the other on
 * commit (NOTIFY), not when its 30 s session cache expires. On PGlite here; on PostgreSQL, with
 * a LISTEN connection per instance, under `npm run test:pg`.
 */
describe('revocations reach every instance', () => {
  let database: Database;
  let a: App;
  let b: App;
  let bUrl: string;
  /** Well under the session cache's 30 s: only the announcement can explain a refusal. */
  const soon = { timeout: 5_000, interval: 50 };

  beforeAll(async () => {
    database = await createMigratedTestDatabase();
    a = (await buildTestApp(database)).app;
    b = (await buildTestApp(database)).app;
    await a.ready();
    bUrl = await b.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.close();
  });

  it('sign out everywhere through A: B refuses the old token and closes its stream', async () => {
    await createVerifiedUser(a, database, 'revoked@example.com');
    const onA = await signedIn(a, 'revoked@example.com');
    const onB = await signedIn(b, 'revoked@example.com');
    const meOnB = () =>
      b.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${onB.accessToken}` } });
    // B has the session cached as live.
    expect((await meOnB()).statusCode).toBe(200);
    const stream = await openStream(bUrl, onB.accessToken);
    await stream.until((messages) => messages.some((m) => m.type === 'ready'));

    const revoked = await onA.send('POST', '/api/v1/me/sessions/revoke-all', {
      password: testPassword,
    });
    expect(revoked.statusCode).toBe(204);

    await vi.waitFor(async () => expect((await meOnB()).statusCode).toBe(401), soon);
    await vi.waitFor(() => expect(stream.ended).toBe(true), soon);
  });

  it('a user disabled through A is refused by B', async () => {
    await createVerifiedUser(a, database, 'disabled@example.com');
    const onB = await signedIn(b, 'disabled@example.com');
    expect((await onB.get('/api/v1/me')).statusCode).toBe(200);
    await database.db
      .updateTable('users')
      .set({ disabled_at: new Date() })
      .where('email', '=', 'disabled@example.com')
      .execute();
    await database.db
      .updateTable('sessions')
      .set({ revoked_at: new Date(), revoked_reason: 'user_disabled' })
      .where('user_id', '=', onB.userId)
      .execute();
    await vi.waitFor(async () => expect((await onB.get('/api/v1/me')).statusCode).toBe(401), soon);
  });

  it('a personal access token revoked through A is refused by B, and its stream on B ends', async () => {
    await createVerifiedUser(a, database, 'scripted@example.com');
    const owner = await signedIn(a, 'scripted@example.com');
    const { id, token } = await createAccessToken(owner);
    const script = withAccessToken(b, token);
    // B has the token cached as live.
    expect((await script.get('/api/v1/me')).statusCode).toBe(200);
    const stream = await openStream(bUrl, token);
    await stream.until((messages) => messages.some((m) => m.type === 'ready'));

    const revoked = await owner.send('POST', `/api/v1/me/access-tokens/${id}/revoke`);
    expect(revoked.statusCode).toBe(204);

    await vi.waitFor(
      async () => expect((await script.get('/api/v1/me')).statusCode).toBe(401),
      soon,
    );
    await vi.waitFor(() => expect(stream.ended).toBe(true), soon);
  });
});
