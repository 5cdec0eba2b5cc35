import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { DB } from './db/schema.ts';
import { purgeFilesJob, thumbnailJob } from './modules/attachments/index.ts';
import { createBackupService, scheduledBackupJob } from './modules/backups/index.ts';
import { createEventsRepository } from './modules/events/index.ts';
import {
  createExportsRepository,
  type ExportJob,
  exportTasksJob,
  purgeExportsJob,
} from './modules/exports/index.ts';
import { createJobsAdmin, createJobsRepository } from './modules/jobs/index.ts';
import { type MailPayload, sendMailJob } from './modules/mail/index.ts';
import {
  createMaintenanceRepository,
  pruneEventsJob,
  purgeIdempotencyKeysJob,
  purgeJobsJob,
  purgeSessionsJob,
  purgeTasksJob,
} from './modules/maintenance/index.ts';
import { dueRemindersJob } from './modules/tasks/index.ts';
import type { Database } from './platform/db/database.ts';
import { createIdempotencyRepository } from './platform/idempotency/idempotency.repository.ts';
import type { Mailer } from './platform/mail/mailer.ts';
import { type BossRole, createBoss } from './platform/queue/boss.ts';
import { createJobQueue } from './platform/queue/job-queue.ts';
import { createFileStore } from './platform/storage/index.ts';

type Deps = { database: Database; mailer: Mailer; logger: Logger; config: Config };

/**
 * The job system: every feature's job definitions on one pg-boss (a composition root, with
 * app.ts), for the process that runs them (`serve` in
 * embedded mode, `taskflow worker` in a cluster) and for those that only enqueue.
 */
export function createJobSystem({ database, mailer, logger, config }: Deps, role: BossRole) {
  const settings = config.jobs;
  const boss = createBoss(database, role, {
    superviseIntervalSeconds: settings.superviseSeconds,
    maintenanceIntervalSeconds: settings.superviseSeconds,
    monitorIntervalSeconds: settings.superviseSeconds,
  });
  const log = logger.child({ component: 'jobs' });
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  const queue = createJobQueue(boss, log, {
    heartbeatSeconds: settings.heartbeatSeconds,
    expireSeconds: settings.expireSeconds,
    pollSeconds: settings.pollSeconds,
  });
  const db = database.db;
  const jobsAdmin = createJobsAdmin({ repo: createJobsRepository(db), boss });
  const exportsRepo = createExportsRepository(db);

  // Attachments' bytes: read by the thumbnail job, removed by the purge; the API stores them.
  const files = createFileStore(config.files, config.mode, logger);

  const sendMail = queue.define(sendMailJob({ db, mailer }));
  const thumbnail = queue.define(thumbnailJob({ db, store: files }));
  queue.define(purgeFilesJob({ db, store: files }));
  const exportTasks = queue.define(exportTasksJob({ db }));
  queue.define(
    dueRemindersJob({
      db,
      appUrl: config.auth.appUrl,
      mail: (trx, mail) => queue.enqueue(sendMail, mail, { trx }),
    }),
  );
  queue.define(purgeExportsJob({ repo: exportsRepo }));
  const maintenance = createMaintenanceRepository(db);
  queue.define(purgeSessionsJob(maintenance));
  queue.define(purgeTasksJob(maintenance));
  queue.define(purgeIdempotencyKeysJob(createIdempotencyRepository(db)));
  queue.define(pruneEventsJob(createEventsRepository(db), config.events.retentionMs));
  queue.define(purgeJobsJob(jobsAdmin, settings.retentionMs));
  const backups = createBackupService({ database, config, logger });
  queue.define(scheduledBackupJob(backups, config.backups.cron));

  return {
    queue,
    jobsAdmin,
    files,
    backups,
    /** An image's thumbnail, made by a job enqueued in `trx`. */
    thumbnailAfterCommit: (trx: Kysely<DB>, attachmentId: string) =>
      queue.enqueue(thumbnail, { attachmentId }, { trx }),
    /** A mail, sent by a job enqueued in `trx`: none if the transaction rolls back. */
    mailAfterCommit: (trx: Kysely<DB>, mail: MailPayload) => queue.enqueue(sendMail, mail, { trx }),
    /** The export job, enqueued in the transaction that records the request. */
    scheduleExport: (trx: Kysely<DB>, job: ExportJob, requestId: string) =>
      queue.enqueue(exportTasks, job, { trx, requestId }),
    definitions: { sendMail, exportTasks },
  };
}

export type JobSystem = ReturnType<typeof createJobSystem>;

const START_RETRY_MS = 5_000;

/**
 * Starts the job system with the app (running its jobs here when `JOBS_IN_PROCESS`), and stops
 * it when the app closes, letting running jobs finish. If the database is not there yet, the
 * API starts anyway (readiness says what fails) and the job system keeps trying.
 */
export const jobsLifecycle = fp(
  async (
    app: FastifyInstance,
    { jobs, config, logger }: { jobs: JobSystem; config: Config; logger: Logger },
  ) => {
    let timer: NodeJS.Timeout | undefined;
    let closing = false;
    const start = async () => {
      try {
        await jobs.queue.start({ work: config.jobs.inProcess });
      } catch (err) {
        logger.error({ err }, 'the job system could not start; retrying');
        if (!closing) timer = setTimeout(() => void start(), START_RETRY_MS);
      }
    };
    app.addHook('onReady', start);
    app.addHook('onClose', async () => {
      closing = true;
      clearTimeout(timer);
      await jobs.queue.stop(config.http.shutdownTimeoutMs);
    });
  },
  { name: 'jobs' },
);
