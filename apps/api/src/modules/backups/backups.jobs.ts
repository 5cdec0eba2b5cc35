import { z } from 'zod';
import type { JobDefinition } from '../../platform/queue/job-queue.ts';
import type { BackupService } from './backups.service.ts';

/**
 * `backups.create`, on `BACKUP_CRON` (embedded mode): a backup, then the oldest beyond
 * `BACKUP_KEEP` removed. A backup already being taken (an admin's) is not repeated.
 */
export const scheduledBackupJob = (
  backups: BackupService,
  cron: string | undefined,
): JobDefinition<Record<string, never>> => ({
  type: 'backups.create',
  payload: z.object({}).strict(),
  attempts: 2,
  retryDelaySeconds: 60,
  batchSize: 1,
  cron: backups.available && cron ? cron : null,
  async handle(_payload, { logger }) {
    try {
      await backups.create('schedule');
    } catch (error) {
      if ((error as { code?: string }).code === 'BACKUP_IN_PROGRESS') {
        logger.info('a backup is already being taken: the scheduled one is skipped');
        return;
      }
      throw error;
    }
  },
});
