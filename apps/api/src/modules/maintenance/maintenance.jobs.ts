import { RESTORE_WINDOW_DAYS } from '@taskflow/contract';
import type { IdempotencyRepository } from '../../platform/idempotency/idempotency.repository.ts';
import { purgeJob } from '../../platform/queue/purge-job.ts';
import type { EventsRepository } from '../events/index.ts';
import type { JobsAdmin } from '../jobs/index.ts';
import type { MaintenanceRepository } from './maintenance.repository.ts';

const DAY_MS = 86_400_000;

/** `maintenance.purge-sessions` (hourly): sessions that ended, with their refresh tokens. */
export const purgeSessionsJob = (repo: MaintenanceRepository) =>
  purgeJob({
    type: 'maintenance.purge-sessions',
    cron: '7 * * * *',
    purge: async () => ({ sessions: await repo.purgeSessions() }),
    message: 'ended sessions purged',
  });

/** `maintenance.purge-tasks` (daily): tasks deleted longer ago than they can be restored. */
export const purgeTasksJob = (repo: MaintenanceRepository) =>
  purgeJob({
    type: 'maintenance.purge-tasks',
    cron: '47 2 * * *',
    purge: async () => ({ tasks: await repo.purgeDeletedTasks(RESTORE_WINDOW_DAYS) }),
    message: 'deleted tasks purged',
  });

/** `maintenance.purge-idempotency-keys` (hourly): keys past their 24 hours. */
export const purgeIdempotencyKeysJob = (repo: IdempotencyRepository) =>
  purgeJob({
    type: 'maintenance.purge-idempotency-keys',
    cron: '17 * * * *',
    purge: async () => ({ keys: await repo.purge(new Date(Date.now() - DAY_MS)) }),
    message: 'expired idempotency keys purged',
  });

/** `maintenance.prune-events` (hourly): outbox events past the retention window. */
export const pruneEventsJob = (repo: EventsRepository, retentionMs: number) =>
  purgeJob({
    type: 'maintenance.prune-events',
    cron: '27 * * * *',
    purge: async () => ({ events: await repo.prune(new Date(Date.now() - retentionMs)) }),
    message: 'old events pruned',
  });

/** `maintenance.purge-jobs` (daily): finished jobs past retention, and their effect records. */
export const purgeJobsJob = (jobs: JobsAdmin, retentionMs: number) =>
  purgeJob({
    type: 'maintenance.purge-jobs',
    cron: '37 3 * * *',
    purge: async () => {
      const removed = await jobs.clearCompleted(retentionMs, false);
      // Effects are kept longer than jobs, so a late retry of a job still finds its effect.
      const effects = await jobs.clearEffects(
        new Date(Date.now() - Math.max(retentionMs, 30 * DAY_MS)),
      );
      return { jobs: removed, effects };
    },
    message: 'finished jobs purged',
  });
