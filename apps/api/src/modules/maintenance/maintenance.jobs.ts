import { z } from 'zod';
import type { IdempotencyRepository } from '../../platform/idempotency/idempotency.repository.ts';
import type { JobDefinition } from '../../platform/queue/job-queue.ts';
import type { EventsRepository } from '../events/index.ts';
import type { JobsAdmin } from '../jobs/index.ts';
import type { MaintenanceRepository } from './maintenance.repository.ts';

const Empty = z.object({}).strict();
type Empty = z.infer<typeof Empty>;
const DAY_MS = 86_400_000;

/** `maintenance.purge-sessions` (hourly): sessions that ended, with their refresh tokens. */
export function purgeSessionsJob(repo: MaintenanceRepository): JobDefinition<Empty> {
  return {
    type: 'maintenance.purge-sessions',
    payload: Empty,
    cron: '7 * * * *',
    async handle(_payload, { logger }) {
      logger.info({ sessions: await repo.purgeSessions() }, 'ended sessions purged');
    },
  };
}

/** `maintenance.purge-idempotency-keys` (hourly): keys past their 24 hours. */
export function purgeIdempotencyKeysJob(repo: IdempotencyRepository): JobDefinition<Empty> {
  return {
    type: 'maintenance.purge-idempotency-keys',
    payload: Empty,
    cron: '17 * * * *',
    async handle(_payload, { logger }) {
      const keys = await repo.purge(new Date(Date.now() - DAY_MS));
      logger.info({ keys }, 'expired idempotency keys purged');
    },
  };
}

/** `maintenance.prune-events` (hourly): outbox events past the retention window. */
export function pruneEventsJob(repo: EventsRepository, retentionMs: number): JobDefinition<Empty> {
  return {
    type: 'maintenance.prune-events',
    payload: Empty,
    cron: '27 * * * *',
    async handle(_payload, { logger }) {
      const events = await repo.prune(new Date(Date.now() - retentionMs));
      logger.info({ events }, 'old events pruned');
    },
  };
}

/** `maintenance.purge-jobs` (daily): finished jobs past retention, and their effect records. */
export function purgeJobsJob(jobs: JobsAdmin, retentionMs: number): JobDefinition<Empty> {
  return {
    type: 'maintenance.purge-jobs',
    payload: Empty,
    cron: '37 3 * * *',
    async handle(_payload, { logger }) {
      const removed = await jobs.clearCompleted(retentionMs, false);
      // Effects are kept longer than jobs, so a late retry of a job still finds its effect.
      const effects = await jobs.clearEffects(
        new Date(Date.now() - Math.max(retentionMs, 30 * DAY_MS)),
      );
      logger.info({ jobs: removed, effects }, 'finished jobs purged');
    },
  };
}
