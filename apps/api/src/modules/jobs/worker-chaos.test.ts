import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createMailer } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { createJobSystem } from '../../job-system.ts';
import { createLogger } from '../../platform/logger.ts';
import { finished, startNode, waitForLine } from '../../test/cli.ts';
import { useClusterDatabase } from '../../test/cluster.ts';
import { testDatabaseUrl } from '../../test/database.ts';

const JOBS = 500;
const env = (url: string) => ({
  DATABASE_URL: url,
  PUBLIC_URL: 'http://127.0.0.1:3000',
  LOG_LEVEL: 'info',
  // A worker that stops beating for 10 s (the least pg-boss allows) is presumed dead; lost jobs
  // are looked for every second.
  JOB_HEARTBEAT_SECONDS: '10',
  JOB_SUPERVISE_SECONDS: '1',
  JOB_POLL_SECONDS: '1',
});

/**
 * Two `taskflow worker` processes on one PostgreSQL; one is killed with SIGKILL while it holds
 * jobs. Once the lost jobs' heartbeats have expired, the other runs them: every job completes,
 * and every side effect (a mail in the outbox) happens exactly once. Runs in `npm run test:pg`.
 */
describe.runIf(testDatabaseUrl)('workers killed mid-run', () => {
  const { cluster, spawned: workers } = useClusterDatabase();

  const count = async (query: ReturnType<typeof sql>) =>
    (await sql<{ n: number }>`select count(*)::int as n from ${query}`.execute(cluster.database.db))
      .rows[0]?.n ?? 0;

  async function startWorker() {
    const child = startNode(['worker'], env(cluster.url));
    workers.push(child);
    const done = finished(child);
    await waitForLine(child, /TaskFlow worker is running/);
    return { child, done };
  }

  it('loses no job and repeats no effect when a worker dies holding jobs', async () => {
    const [a, b] = [await startWorker(), await startWorker()];
    // Both wait frozen while the jobs are enqueued. Then A alone works through them, and is
    // frozen again while it holds some (B holds none), and killed: it dies holding jobs, and B,
    // thawed, has to recover them.
    a.child.kill('SIGSTOP');
    b.child.kill('SIGSTOP');
    const config = loadConfig({ DATABASE_URL: cluster.url });
    const logger = createLogger('warn');
    const { database } = cluster;
    const producer = createJobSystem(
      { database, mailer: createMailer(config, { database, logger }), logger, config },
      { migrate: false, supervise: false },
    );
    await producer.queue.start({ work: false });
    for (let i = 0; i < JOBS; i++) {
      await producer.queue.enqueue(producer.definitions.sendMail, {
        to: 'chaos@example.com',
        subject: `chaos ${i}`,
        text: `mail ${i}`,
      });
    }
    await producer.queue.stop(5_000);
    let held = 0;
    for (let tries = 0; tries < 500 && held === 0; tries++) {
      a.child.kill('SIGCONT');
      await new Promise((resolve) => setTimeout(resolve, 10));
      a.child.kill('SIGSTOP');
      held = await count(sql`pgboss.job where name = 'mail.send' and state = 'active'`);
    }
    expect(held).toBeGreaterThan(0);
    a.child.kill('SIGKILL');
    b.child.kill('SIGCONT');
    expect((await a.done).code).toBeNull();
    expect(await count(sql`mail_outbox where subject like 'chaos %'`)).toBeLessThan(JOBS);

    const deadline = Date.now() + 90_000;
    while ((await count(sql`pgboss.job where name = 'mail.send' and state = 'completed'`)) < JOBS) {
      if (Date.now() > deadline) throw new Error('the jobs did not all complete');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const outbox = await sql<{ subject: string; n: number }>`
      select subject, count(*)::int as n from mail_outbox where subject like 'chaos %'
      group by subject`.execute(cluster.database.db);
    expect(outbox.rows).toHaveLength(JOBS);
    expect(outbox.rows.filter((r) => r.n !== 1)).toEqual([]);
    // The jobs A held were run again, by B.
    expect(
      await count(sql`pgboss.job where name = 'mail.send' and retry_count > 0`),
    ).toBeGreaterThanOrEqual(held);

    b.child.kill('SIGTERM');
    expect((await b.done).code).toBe(0);
  }, 150_000);
});
