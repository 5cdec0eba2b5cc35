import pino from 'pino';
import { loadConfig } from '../config.ts';
import { createJobSystem, type JobSystem } from '../job-system.ts';
import { type Database, openEmbeddedDatabase } from '../platform/db/database.ts';

/**
 * Opens an embedded data directory in the test process, with its job system started and running
 * nothing, to arrange what a CLI process then reads; closes it (and its lock) when `work` is done.
 */
export async function withDataDir<T>(
  dir: string,
  work: (ctx: { database: Database; jobs: JobSystem }) => Promise<T>,
): Promise<T> {
  const config = loadConfig({ DATA_DIR: dir });
  const database = await openEmbeddedDatabase(dir);
  const jobs = createJobSystem(
    {
      database,
      mailer: { send: () => Promise.reject(new Error('no mail in this fixture')) },
      logger: pino({ level: 'silent' }),
      config,
    },
    { migrate: true, supervise: false },
  );
  try {
    await jobs.queue.start({ work: false });
    return await work({ database, jobs });
  } finally {
    await jobs.queue.stop(1_000);
    await database.close();
  }
}
