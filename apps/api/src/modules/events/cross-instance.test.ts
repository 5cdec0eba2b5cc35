import { describe, expect, it } from 'vitest';
import { testPassword } from '../../test/accounts.ts';
import { finished, startNode, waitForLine } from '../../test/cli.ts';
import { useClusterDatabase } from '../../test/cluster.ts';
import { testDatabaseUrl } from '../../test/database.ts';
import { openStream, type Received } from '../../test/event-stream.ts';

/**
 * Cluster mode: two `taskflow serve` processes on one PostgreSQL database. A subscriber on one
 * receives, in order, what is written through the other; when its instance is stopped it resumes
 * on the other with Last-Event-ID and loses nothing. Runs in `npm run test:pg`.
 */
describe.runIf(testDatabaseUrl)('two API processes on one PostgreSQL', () => {
  const { cluster, spawned: processes } = useClusterDatabase();

  async function serve() {
    const child = startNode(['serve'], {
      DATABASE_URL: cluster.url,
      PUBLIC_URL: 'http://127.0.0.1:3000',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      WEB_DIST_DIR: '/nonexistent',
      RATE_LIMIT_MAX: '1000000',
      AUTH_IP_RATE_LIMIT: '1000',
    });
    processes.push(child);
    const line = await waitForLine(child, /TaskFlow is serving on/);
    const base = JSON.parse(line).address as string;
    return { child, base, done: finished(child) };
  }

  async function signUp(base: string, email: string) {
    const post = (path: string, body: object, token?: string) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
    await post('/api/v1/auth/register', { email, name: 'Cluster', password: testPassword });
    const mail = await cluster.database.db
      .selectFrom('mail_outbox')
      .select('text_body')
      .where('to_address', '=', email)
      .executeTakeFirstOrThrow();
    const token = mail.text_body.match(/token=([\w-]+)/)?.[1];
    await post('/api/v1/auth/verify-email', { token });
    const signIn = await post('/api/v1/auth/sign-in', { email, password: testPassword });
    const session = (await signIn.json()) as { accessToken: string };
    return { token: session.accessToken, post };
  }

  it('delivers writes made through B to a subscriber on A, and resumes on B after A stops', async () => {
    const [a, b] = await Promise.all([serve(), serve()]);
    const { token, post } = await signUp(b.base, 'cluster@example.com');
    const workspace = (await (
      await post('/api/v1/workspaces', { name: 'Cluster' }, token)
    ).json()) as { id: string };
    const create = (title: string) =>
      post(`/api/v1/workspaces/${workspace.id}/tasks`, { title }, token).then((r) => r.status);

    const onA = await openStream(a.base, token);
    await onA.ready();
    const titles = Array.from({ length: 30 }, (_, i) => `through B ${i}`);
    for (const title of titles.slice(0, 10)) expect(await create(title)).toBe(201);
    // Within 3 s: woken by NOTIFY, not by the 5-second poll that backs it up.
    await onA.until((m) => m.filter((e) => e.type === 'task.created').length === 10, 3_000);

    // Writes keep coming through B while A shuts down.
    const writing = (async () => {
      for (const title of titles.slice(10)) expect(await create(title)).toBe(201);
    })();
    a.child.kill('SIGTERM');
    await onA.done;
    expect((await a.done).code).toBe(0);
    expect(onA.retry).toBeGreaterThanOrEqual(1000);

    // A keeps serving its stream while it drains (DRAIN_DELAY_MS): it may deliver any number of
    // the later writes before the stream ends. B replays the rest from A's last id.
    const createdOnA = onA.events().filter((e) => e.type === 'task.created').length;
    const onB = await openStream(b.base, token, { lastEventId: onA.lastId() });
    await writing;
    await onB.until(
      (m) => m.filter((e) => e.type === 'task.created').length + createdOnA >= titles.length,
    );
    await onB.close();

    const received: Received[] = [...onA.events(), ...onB.events()];
    const created = received.filter((e) => e.type === 'task.created');
    expect(created.map((e) => e.type === 'task.created' && e.data.task.title)).toEqual(titles);
    const ids = received.map((e) => BigInt(e.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((x, y) => (x < y ? -1 : 1)));
    b.child.kill('SIGTERM');
    expect((await b.done).code).toBe(0);
  }, 120_000);
});
