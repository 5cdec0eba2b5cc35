import type { AdminStats, AdminUserList, DetailedHealth, JobList } from '@taskflow/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, createVerifiedUser, signedIn } from '../../test/accounts.ts';
import { bodyOf } from '../../test/api-client.ts';
import { useTestApp } from '../../test/app.ts';
import { listOperations, loadOpenApiDocument } from '../../test/fuzz/index.ts';
import { createTask, newUser, type User } from '../../test/workspaces.ts';

const ctx = useTestApp();
let admin: Awaited<ReturnType<typeof signedIn>>;
let ada: User;

beforeAll(async () => {
  admin = await createAdmin(ctx.app, ctx.database);
  ada = await newUser(ctx.app, ctx.database, 'ada@example.com');
});

describe('admin operations', () => {
  it('every admin operation of the document refuses a user (403) and nobody (401)', async () => {
    const doc = await loadOpenApiDocument(ctx.app);
    const ops = listOperations(doc, ['admin']);
    expect(ops.length).toBeGreaterThanOrEqual(13);
    for (const op of ops) {
      const url = op.path.replace(/\{\w+\}/g, ada.userId);
      const asUser = await ada.send(op.method.toUpperCase() as 'POST', url);
      expect(asUser.statusCode, `${op.method} ${op.path}`).toBe(403);
      const asNobody = await ctx.app.inject({ method: op.method.toUpperCase() as 'GET', url });
      expect(asNobody.statusCode, `${op.method} ${op.path}`).toBe(401);
    }
  });

  it('stats count users, tasks and jobs, today and over 30 days', async () => {
    const before: AdminStats = (await admin.get('/api/v1/admin/stats?tz=Europe/Paris')).json();
    await createTask(ada, ada.personalId, { title: 'One' });
    const done = await createTask(ada, ada.personalId, { title: 'Two', status: 'done' });
    const after: AdminStats = (await admin.get('/api/v1/admin/stats?tz=Europe/Paris')).json();
    expect(after.tasks.total).toBe(before.tasks.total + 2);
    expect(after.tasks.createdToday).toBe(before.tasks.createdToday + 2);
    expect(after.tasks.completedToday).toBe(before.tasks.completedToday + 1);
    expect(after.users).toMatchObject({ total: 2, admins: 1, disabled: 0 });
    expect(after.series).toHaveLength(30);
    expect(after.series.at(-1)?.tasksCompleted).toBeGreaterThanOrEqual(1);
    expect(after.timeZone).toBe('Europe/Paris');
    expect(done.status).toBe('done');
  });

  it('lists and searches users a page at a time', async () => {
    for (const name of ['carol', 'dave', 'erin']) {
      await createVerifiedUser(ctx.app, ctx.database, `${name}@example.com`);
    }
    const found: AdminUserList = (await admin.get('/api/v1/admin/users?q=DAVE')).json();
    expect(found.items.map((u) => u.email)).toEqual(['dave@example.com']);
    expect(found.items[0]).toMatchObject({ role: 'user', disabled: false, emailVerified: true });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: AdminUserList = (
        await admin.get(`/api/v1/admin/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((u) => u.email));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    // A search for the LIKE wildcards matches them literally.
    expect((await admin.get('/api/v1/admin/users?q=%25')).json().items).toEqual([]);
  });

  it('changes roles; a demoted admin is signed out; the last admin stays', async () => {
    const self = bodyOf(await admin.api.get('/api/v1/me'), 200).id;
    const last = await admin.send('PATCH', `/api/v1/admin/users/${self}`, { role: 'user' });
    expect(last.statusCode).toBe(409);

    const promoted = await admin.send('PATCH', `/api/v1/admin/users/${ada.userId}`, {
      role: 'admin',
    });
    expect(promoted.json()).toMatchObject({ id: ada.userId, role: 'admin' });
    const adaAsAdmin = await signedIn(ctx.app, 'ada@example.com');
    expect((await adaAsAdmin.get('/api/v1/admin/stats')).statusCode).toBe(200);
    await admin.send('PATCH', `/api/v1/admin/users/${ada.userId}`, { role: 'user' });
    // The access token said admin: the session it belongs to is gone.
    expect((await adaAsAdmin.get('/api/v1/admin/stats')).statusCode).toBe(401);
    ada = { ...ada, ...(await signedIn(ctx.app, 'ada@example.com')) };
  });

  it('disables and enables a user', async () => {
    const id = ada.userId;
    expect((await admin.send('POST', `/api/v1/admin/users/${id}/disable`)).statusCode).toBe(204);
    const enabled = await admin.send('POST', `/api/v1/admin/users/${id}/enable`);
    expect(enabled.json()).toMatchObject({ id, disabled: false });
    expect((await signedIn(ctx.app, 'ada@example.com')).accessToken).toBeTruthy();
  });

  it('lists jobs by state, retries a failed one and cancels a waiting one', async () => {
    const { queue } = ctx.jobs;
    const failed = await queue.boss.send('mail.send', { payload: { to: 'not an address' } });
    const waiting = await queue.boss.send(
      'mail.send',
      { payload: { to: 'later@example.com', subject: 'Later', text: 'Later' }, requestId: 'req-7' },
      { startAfter: 3_600 },
    );
    let list: JobList = { items: [], nextCursor: null };
    for (let i = 0; i < 100 && !list.items.some((j) => j.id === failed); i++) {
      list = (await admin.get('/api/v1/admin/jobs?state=failed')).json();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const job = list.items.find((j) => j.id === failed);
    expect(job).toMatchObject({ type: 'mail.send', state: 'failed', error: 'invalid payload' });
    expect(list.items.every((j) => j.state === 'failed')).toBe(true);

    const retried = await admin.send('POST', `/api/v1/admin/jobs/${failed}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(['retry', 'created', 'active', 'failed']).toContain(retried.json().state);
    const cancelled = await admin.send('POST', `/api/v1/admin/jobs/${waiting}/cancel`);
    expect(cancelled.json()).toMatchObject({ state: 'cancelled', requestId: 'req-7' });
    const again = await admin.send('POST', `/api/v1/admin/jobs/${waiting}/cancel`);
    expect(again.statusCode).toBe(409);
    expect((await admin.get(`/api/v1/admin/jobs/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });

  it("hides pg-boss's own queues from job lists and figures", async () => {
    const { queue } = ctx.jobs;
    const internal = await queue.boss.send('__pgboss__send-it', { name: 'maintenance' });
    expect(internal).toBeTruthy();
    const all: JobList = (await admin.get('/api/v1/admin/jobs?limit=100')).json();
    expect(all.items.length).toBeGreaterThan(0);
    expect(all.items.some((j) => j.type.startsWith('__pgboss__'))).toBe(false);
    const byType = await admin.get('/api/v1/admin/jobs?type=__pgboss__send-it');
    expect(byType.json().items).toEqual([]);
    expect((await admin.get(`/api/v1/admin/jobs/${internal}`)).statusCode).toBe(404);
    const stats: AdminStats = (await admin.get('/api/v1/admin/stats')).json();
    expect(JSON.stringify(stats.jobs)).not.toContain('__pgboss__');
  });

  it('detailed health tells versions, checks, pool, jobs, streams and memory', async () => {
    const health: DetailedHealth = (await admin.get('/api/v1/health/detailed')).json();
    expect(health).toMatchObject({
      status: 'ok',
      mode: 'embedded',
      node: process.version,
      checks: { database: { status: 'ok' }, migrations: { status: 'ok' }, jobs: { status: 'ok' } },
      streams: { open: 0 },
    });
    expect(health.jobs.workers).toBeGreaterThan(0);
    expect(health.memory.rssBytes).toBeGreaterThan(0);
    expect(health.database.latencyMs).not.toBeNull();
  });
});
