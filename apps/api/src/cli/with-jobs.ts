import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { JobSystem } from '../job-system.ts';
import type { Database } from '../platform/db/database.ts';
import type { Mailer } from '../platform/mail/mailer.ts';
import { openCommandDatabase, openMigrated } from './context.ts';

/** This process runs no job, so it sends no mail. */
const noMail: Mailer = {
  send: () => Promise.reject(new Error('operator commands send no mail')),
};

/**
 * Runs `work` with the job system started but running nothing: no workers, no cron, no
 * maintenance (a `serve` or `taskflow worker` does those). Embedded mode installs the job schema
 * on start, as `serve` does; a cluster has it from `taskflow migrate up`. With `migrated`, the
 * database is opened as `openMigrated` opens it, for a command that writes the app's tables too.
 */
export async function withJobs<T>(
  { config, logger }: { config: Config; logger: Logger },
  work: (jobs: JobSystem, database: Database) => Promise<T>,
  { migrated = false }: { migrated?: boolean } = {},
): Promise<T> {
  const { createJobSystem } = await import('../job-system.ts');
  const database = await (migrated ? openMigrated : openCommandDatabase)(config, logger);
  const system = createJobSystem(
    { database, mailer: noMail, logger, config },
    { migrate: config.mode === 'embedded', supervise: false },
  );
  try {
    await system.queue.start({ work: false });
    return await work(system, database);
  } finally {
    await system.queue.stop(config.http.shutdownTimeoutMs);
    await database.close();
  }
}
