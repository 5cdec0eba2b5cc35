/**
 * A job worker for the jobs benchmark: TaskFlow's own job queue (pg-boss, as `taskflow worker`
 * runs it) with one no-op job type. It waits for `go` on IPC before working, and reports each
 * job's start latency (enqueue → handler start, same machine clock) back in batches.
 *   node scripts/bench/jobs-worker.ts <postgres url>
 */
import { z } from 'zod';
import { loadConfig } from '../../apps/api/src/config.ts';
import { openPostgresDatabase } from '../../apps/api/src/platform/db/database.ts';
import { createLogger } from '../../apps/api/src/platform/logger.ts';
import { createBoss } from '../../apps/api/src/platform/queue/boss.ts';
import { createJobQueue } from '../../apps/api/src/platform/queue/job-queue.ts';

const NOOP = 'bench.noop';

const [url = ''] = process.argv.slice(2);
const config = loadConfig({ DATABASE_URL: url });
const database = openPostgresDatabase(url, config.db);
const boss = createBoss(database, { migrate: false, supervise: false }, {});
const queue = createJobQueue(boss, createLogger('warn'), {
  heartbeatSeconds: config.jobs.heartbeatSeconds,
  expireSeconds: config.jobs.expireSeconds,
  pollSeconds: config.jobs.pollSeconds,
});
let latencies: number[] = [];
let done = 0;
queue.define({
  type: NOOP,
  payload: z.object({ sentAt: z.number() }),
  async handle({ sentAt }) {
    latencies.push(Date.now() - sentAt);
    done++;
  },
});

const flush = () => {
  if (latencies.length > 0 || done > 0) {
    process.send?.({ latencies, done });
    latencies = [];
    done = 0;
  }
};
setInterval(flush, 50).unref();

process.on('message', (message: { type: string }) => {
  if (message.type === 'go')
    void queue.start({ work: true }).then(() => process.send?.({ working: true }));
  if (message.type === 'stop') {
    void queue.stop(5_000).then(async () => {
      flush();
      await database.close();
      process.exit(0);
    });
  }
});
process.send?.({ ready: true });
