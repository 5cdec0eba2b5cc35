import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useTestApp } from '../../test/app.ts';
import { createBoss } from './boss.ts';
import { createJobQueue, deadLetterOf, type JobQueue } from './job-queue.ts';

/**
 * The job system's guarantees, on the test database (PGlite, or PostgreSQL in `test:pg`): retries
 * with exponential backoff, dead letters after the last attempt, and jobs that exist only if the
 * transaction that enqueued them commits. A queue of its own, with test job types and a 1 s
 * backstop poll (retries are not announced by NOTIFY).
 */
const ctx = useTestApp();
let queue: JobQueue;
const attempts = new Map<string, number[]>();

const Key = z.object({ key: z.string() });
const record = (key: string) => {
  const times = attempts.get(key) ?? [];
  times.push(Date.now());
  attempts.set(key, times);
  return times.length;
};

const flaky = {
  type: 'test.flaky',
  payload: Key,
  retryDelaySeconds: 1,
  async handle({ key }: { key: string }) {
    if (record(key) < 3) throw new Error(`not yet (${key})`);
  },
};
const broken = {
  type: 'test.broken',
  payload: Key,
  retryDelaySeconds: 1,
  async handle({ key }: { key: string }) {
    record(key);
    throw new Error('always broken');
  },
};
const counted = {
  type: 'test.counted',
  payload: Key,
  async handle({ key }: { key: string }) {
    record(key);
  },
};

beforeAll(async () => {
  const boss = createBoss(ctx.database, { migrate: true, supervise: true }, {});
  queue = createJobQueue(boss, ctx.app.log as never, {
    heartbeatSeconds: 30,
    expireSeconds: 60,
    pollSeconds: 1,
  });
  for (const def of [flaky, broken, counted]) queue.define(def);
  await queue.start({ work: true });
});

afterAll(async () => {
  await queue?.stop(5_000);
});

type Row = { state: string; retry_count: number; source_id: string | null; name: string };
const jobRows = async (where: ReturnType<typeof sql>) =>
  (
    await sql<Row>`select state, retry_count, source_id::text, name from pgboss.job where ${where}`.execute(
      ctx.database.db,
    )
  ).rows;

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The row of job `id`, once the job is in `state`. */
async function jobOnceIn(id: string | null, state: string) {
  const [row] = await until(
    () => jobRows(sql`id = ${id}`),
    (rows) => rows[0]?.state === state,
  );
  return row;
}

describe('retries and dead letters', () => {
  it('a handler that fails twice completes on its third attempt, after growing delays', async () => {
    const id = await queue.enqueue(flaky, { key: 'flaky-1' });
    const row = await jobOnceIn(id, 'completed');
    expect(row).toMatchObject({ state: 'completed', retry_count: 2 });
    const times = attempts.get('flaky-1') ?? [];
    expect(times).toHaveLength(3);
    const [first = 0, second = 0, third = 0] = times;
    // Exponential backoff from 1 s: the first retry waits 1–2 s, the second 2–4 s.
    expect(second - first).toBeGreaterThanOrEqual(1_000);
    expect(third - second).toBeGreaterThanOrEqual(2_000);
  }, 40_000);

  it('a handler that always fails lands in the dead-letter queue after 3 attempts', async () => {
    const id = await queue.enqueue(broken, { key: 'broken-1' });
    const row = await jobOnceIn(id, 'failed');
    expect(row).toMatchObject({ state: 'failed', retry_count: 2 });
    expect(attempts.get('broken-1')).toHaveLength(3);
    const dead = await until(
      () => jobRows(sql`name = ${deadLetterOf(broken.type)} and source_id = ${id}`),
      (rows) => rows.length > 0,
    );
    expect(dead).toHaveLength(1);
  }, 40_000);
});

describe('enqueueing in a transaction', () => {
  it('a job enqueued in a transaction that rolls back never exists, nor runs', async () => {
    let id: string | null = null;
    await expect(
      ctx.database.db.transaction().execute(async (trx) => {
        id = await queue.enqueue(counted, { key: 'rolled-back' }, { trx });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(id).not.toBeNull();

    // A job enqueued after it, committed, runs: once it has, the other would have too.
    await ctx.database.db.transaction().execute(async (trx) => {
      await queue.enqueue(counted, { key: 'committed' }, { trx });
    });
    await until(
      async () => attempts.get('committed')?.length ?? 0,
      (n) => n === 1,
    );
    expect(await jobRows(sql`id = ${id}`)).toEqual([]);
    expect(attempts.has('rolled-back')).toBe(false);
  });

  it('carries the request id into the job and its log lines', async () => {
    await queue.enqueue(counted, { key: 'traced' }, { requestId: 'req-42' });
    await until(
      async () =>
        ctx.logs.lines.filter((l) => l.jobType === 'test.counted' && l.requestId === 'req-42'),
      (lines) => lines.some((l) => l.msg === 'job completed'),
    );
  });

  it('refuses a payload off its schema at enqueue, and dead-letters one that arrives anyway', async () => {
    await expect(queue.enqueue(counted, { key: 42 } as never)).rejects.toThrow();
    const id = await queue.boss.send(counted.type, { payload: { nope: true }, requestId: null });
    const row = await jobOnceIn(id, 'failed');
    // No retries for a payload that can never be valid.
    expect(row?.retry_count).toBe(0);
  });
});
