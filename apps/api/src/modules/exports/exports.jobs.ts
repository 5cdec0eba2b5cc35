import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { unitOfWork } from '../../platform/db/unit-of-work.ts';
import type { JobDefinition } from '../../platform/queue/job-queue.ts';
import { purgeJob } from '../../platform/queue/purge-job.ts';
import { createNotices } from '../notifications/index.ts';
import { TaskFiltersPayload } from '../tasks/index.ts';
import { toCsv } from './csv.ts';
import { createExportsRepository, type ExportsRepository } from './exports.repository.ts';
import { toExport } from './exports.service.ts';

const header = [
  'id',
  'title',
  'description',
  'status',
  'priority',
  'due_date',
  'assignee_email',
  'labels',
  'created_at',
  'updated_at',
  'completed_at',
];

/** The export, and the board's filters when it was asked for (none in jobs queued before them). */
const ExportPayload = z.object({ exportId: z.uuid(), filters: TaskFiltersPayload.default({}) });
export type ExportJob = z.input<typeof ExportPayload>;
const ATTEMPTS = 3;

/**
 * `tasks.export`: writes the CSV of a workspace's live tasks that match the filters it was
 * asked with (the list's own conditions, resolved when asked) and tells the member who asked, in
 * one transaction. Idempotent: only a pending export is made, so a second run finds it done.
 */
export function exportTasksJob(deps: {
  db: Kysely<DB>;
}): JobDefinition<z.infer<typeof ExportPayload>> {
  const repo = createExportsRepository(deps.db);
  const uow = unitOfWork(deps.db, { exports: createExportsRepository, notices: createNotices });
  return {
    type: 'tasks.export',
    payload: ExportPayload,
    attempts: ATTEMPTS,
    async handle({ exportId, filters }, { attempt, logger }) {
      try {
        await uow.run(async ({ exports, notices }) => {
          const pending = await exports.lockPending(exportId);
          if (!pending) return;
          const rows = await exports.rows(pending.workspace_id, filters);
          const csv = toCsv([
            header,
            ...rows.map((r) => [
              r.id,
              r.title,
              r.description,
              r.status,
              r.priority,
              r.due_date,
              r.assignee_email,
              r.labels.join(';'),
              r.created_at,
              r.updated_at,
              r.completed_at,
            ]),
          ]);
          const done = toExport(await exports.complete(exportId, csv, rows.length));
          const tasks = rows.length === 1 ? '1 task' : `${rows.length} tasks`;
          await notices.send([
            {
              userId: pending.user_id,
              type: 'export.ready',
              workspaceId: pending.workspace_id,
              taskId: null,
              actorId: null,
              title: `Your export of ${tasks} is ready to download`,
              data: { link: done.downloadPath, exportId },
            },
          ]);
          logger.info({ exportId, rows: rows.length }, 'export ready');
        });
      } catch (error) {
        if (attempt >= ATTEMPTS) await repo.fail(exportId);
        throw error;
      }
    },
  };
}

/** `maintenance.purge-exports`: drops the files of expired exports (hourly). */
export const purgeExportsJob = (deps: { repo: ExportsRepository }) =>
  purgeJob({
    type: 'maintenance.purge-exports',
    cron: '17 * * * *',
    purge: () => deps.repo.purge(),
    message: 'expired exports purged',
  });
