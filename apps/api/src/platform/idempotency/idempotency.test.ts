import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.ts';
import { newUser, type User } from '../../test/workspaces.ts';
import { createIdempotencyRepository } from './idempotency.repository.ts';

const tasksOf = (workspaceId: string) => `/api/v1/workspaces/${workspaceId}/tasks`;

describe('Idempotency-Key on POST', () => {
  const ctx = useTestApp();
  let user: User;
  let other: User;

  beforeAll(async () => {
    user = await newUser(ctx.app, ctx.database, 'idem@example.com');
    other = await newUser(ctx.app, ctx.database, 'idem-other@example.com');
  });

  const create = (who: User, key: string, title: string) =>
    who.send('POST', tasksOf(who.personalId), { title }, { 'idempotency-key': key });

  async function countTitled(title: string) {
    const row = await ctx.database.db
      .selectFrom('tasks')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('title', '=', title)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it('the same key and body answer the first response again and write once', async () => {
    const key = randomUUID();
    const first = await create(user, key, 'Once only');
    const again = await create(user, key, 'Once only');
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await countTitled('Once only')).toBe(1);
  });

  it('the same key with another body is refused with 422', async () => {
    const key = randomUUID();
    expect((await create(user, key, 'First body')).statusCode).toBe(201);
    const other = await create(user, key, 'Second body');
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await countTitled('Second body')).toBe(0);
  });

  it('concurrent requests with one key write once and all get the same answer', async () => {
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 5 }, () => create(user, key, 'Raced')));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(await countTitled('Raced')).toBe(1);
  });

  it('keys belong to their user: the same key from another user is another request', async () => {
    const key = randomUUID();
    expect((await create(user, key, 'Mine')).statusCode).toBe(201);
    expect((await create(other, key, 'Mine')).statusCode).toBe(201);
    expect(await countTitled('Mine')).toBe(2);
  });

  it('a client error is given again too; a request without a key is never deduplicated', async () => {
    const key = randomUUID();
    const bad = await create(user, key, '');
    expect(bad.statusCode).toBe(400);
    expect((await create(user, key, '')).statusCode).toBe(400);
    await create(user, randomUUID(), 'Plain');
    await user.send('POST', tasksOf(user.personalId), { title: 'Plain' });
    expect(await countTitled('Plain')).toBe(2);
  });

  it('a key that is not 1 to 255 visible characters is a validation error', async () => {
    const res = await create(user, 'x'.repeat(256), 'Too long a key');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('header.idempotency-key');
  });

  it('a request whose process died before committing is run by the retry', async () => {
    const key = randomUUID();
    // What a crash leaves: the key taken long ago, nothing committed, no response.
    await ctx.database.db
      .insertInto('idempotency_keys')
      .values({
        user_id: user.userId,
        key,
        fingerprint: 'unknown',
        owner: randomUUID(),
        locked_at: new Date(Date.now() - 3_600_000),
      })
      .execute();
    // Its fingerprint differs: a different request, refused.
    expect((await create(user, key, 'Taken over')).statusCode).toBe(422);
    const key2 = randomUUID();
    const first = await create(user, key2, 'Taken over');
    await ctx.database.db
      .updateTable('idempotency_keys')
      .set({ status: null, committed: false, locked_at: new Date(Date.now() - 3_600_000) })
      .where('key', '=', key2)
      .execute();
    await ctx.database.db.deleteFrom('tasks').where('id', '=', first.json().id).execute();
    const retried = await create(user, key2, 'Taken over');
    expect(retried.statusCode).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(await countTitled('Taken over')).toBe(1);
  });

  it('a request that committed but lost its response is never run twice', async () => {
    const key = randomUUID();
    expect((await create(user, key, 'Committed')).statusCode).toBe(201);
    await ctx.database.db
      .updateTable('idempotency_keys')
      .set({ status: null, locked_at: new Date(Date.now() - 3_600_000) })
      .where('key', '=', key)
      .execute();
    const retried = await create(user, key, 'Committed');
    expect(retried.statusCode).toBe(409);
    expect(retried.json().code).toBe('IDEMPOTENCY_KEY_IN_USE');
    expect(await countTitled('Committed')).toBe(1);
  });

  it('only the owner of a key can mark it committed (a slow request taken over cannot write)', async () => {
    const repo = createIdempotencyRepository(ctx.database.db);
    const slow = { userId: user.userId, key: randomUUID(), owner: randomUUID() };
    const retry = { ...slow, owner: randomUUID() };
    expect(await repo.claim(slow, 'same')).toBe(true);
    expect(await repo.takeOver(retry, 3_000)).toBe(false); // still renewed: not abandoned
    await ctx.database.db
      .updateTable('idempotency_keys')
      .set({ locked_at: new Date(Date.now() - 60_000) })
      .where('key', '=', slow.key)
      .execute();
    expect(await repo.takeOver(retry, 3_000)).toBe(true);
    const marked = (claim: typeof slow) =>
      ctx.database.db.transaction().execute((trx) => repo.markCommitted(trx, claim));
    expect(await marked(slow)).toBe(false);
    expect(await marked(retry)).toBe(true);
  });

  it('the key is marked in the transaction of the write', async () => {
    const key = randomUUID();
    await create(user, key, 'Marked');
    const row = await ctx.database.db
      .selectFrom('idempotency_keys')
      .select(['committed', 'status'])
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ committed: true, status: 201 });
  });
});
