import { z } from 'zod';
import type { JobDefinition } from './job-queue.ts';

/**
 * A scheduled clean-up without payload: on `cron` (UTC), `purge` removes what is due and tells
 * how much of each kind it removed (`{ sessions: 3 }`), which is logged with `message`.
 */
export function purgeJob(job: {
  type: string;
  cron: string;
  purge: () => Promise<Record<string, number>>;
  message: string;
}): JobDefinition<Record<string, never>> {
  return {
    type: job.type,
    payload: z.object({}).strict(),
    cron: job.cron,
    async handle(_payload, { logger }) {
      logger.info(await job.purge(), job.message);
    },
  };
}
