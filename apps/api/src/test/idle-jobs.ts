import pino from 'pino';
import type { Config } from '../config.ts';
import { createJobSystem } from '../job-system.ts';
import type { Database } from '../platform/db/database.ts';

/**
 * The job system over `database`, its schema installed and queues created, started with nothing
 * to run (no workers, no cron, no maintenance) and no mail to send: to prepare what tests read.
 */
export async function startIdleJobs(database: Database, config: Config) {
  const jobs = createJobSystem(
    {
      database,
      mailer: { send: () => Promise.reject(new Error('an idle job system sends no mail')) },
      logger: pino({ level: 'silent' }),
      config,
    },
    { migrate: true, supervise: false },
  );
  await jobs.queue.start({ work: false });
  return jobs;
}
