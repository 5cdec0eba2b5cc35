import type { TaskExport, TaskFilterOptions } from '@taskflow/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { DomainError, NotFoundError, RetryLaterError } from '../../platform/errors.ts';
import { taskFiltersOf } from '../tasks/index.ts';
import { UTF8_BOM } from './csv.ts';
import type { ExportJob } from './exports.jobs.ts';
import type {
  createExportsRepository,
  ExportRow,
  ExportsRepository,
} from './exports.repository.ts';

export function toExport(row: ExportRow): TaskExport {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    status: row.status,
    format: 'csv',
    rowCount: row.row_count,
    createdAt: row.created_at,
    completedAt: row.completed_at,
    expiresAt: row.expires_at,
    downloadPath:
      row.status === 'ready'
        ? `/api/v1/workspaces/${row.workspace_id}/exports/${row.id}/download`
        : null,
  };
}

/** Enqueues the export job in the transaction that records the request. */
type ExportSchedule = (trx: Kysely<DB>) => {
  enqueue: (job: ExportJob, requestId: string) => Promise<unknown>;
};

type Deps = {
  /** Reads, outside any transaction. */
  repo: ExportsRepository;
  uow: UnitOfWork<{ exports: typeof createExportsRepository; schedule: ExportSchedule }>;
  maxPerHour: number;
};

const exportNotFound = () => new NotFoundError('export');

/** Exports of a workspace's tasks: asked for by a member, made by a job, downloaded by members. */
export function createExportsService({ repo, uow, maxPerHour }: Deps) {
  return {
    /** An export of the tasks the list shows under `query`, whose `me` is the one asking. */
    async request(
      workspaceId: string,
      userId: string,
      query: TaskFilterOptions,
      requestId: string,
    ): Promise<TaskExport> {
      const filters = taskFiltersOf(query, userId);
      const row = await uow.run(async ({ exports, schedule }) => {
        if ((await exports.recentCount(userId)) >= maxPerHour) {
          throw new RetryLaterError(3600, `At most ${maxPerHour} exports an hour`);
        }
        const created = await exports.insert(workspaceId, userId);
        if (!created) throw new NotFoundError('workspace');
        await schedule.enqueue({ exportId: created.id, filters }, requestId);
        return created;
      });
      return toExport(row);
    },

    async get(workspaceId: string, exportId: string, userId: string): Promise<TaskExport> {
      const row = await repo.find(workspaceId, exportId, userId);
      if (!row) throw exportNotFound();
      return toExport(row);
    },

    /** The CSV of a ready export; 409 while it is being made, 410 once expired. */
    async download(workspaceId: string, exportId: string, userId: string) {
      const row = await repo.content(workspaceId, exportId, userId);
      if (!row) throw exportNotFound();
      const expired =
        row.status === 'expired' ||
        (row.expires_at !== null && new Date(row.expires_at).getTime() <= Date.now());
      if (expired) throw new DomainError('EXPORT_EXPIRED');
      if (row.status === 'failed') {
        throw new DomainError('EXPORT_NOT_READY', { detail: 'The export failed; make a new one' });
      }
      if (row.status !== 'ready' || row.content === null) throw new DomainError('EXPORT_NOT_READY');
      const day = new Date(row.created_at).toISOString().slice(0, 10);
      return { filename: `taskflow-tasks-${day}.csv`, content: `${UTF8_BOM}${row.content}` };
    },
  };
}

export type ExportsService = ReturnType<typeof createExportsService>;
