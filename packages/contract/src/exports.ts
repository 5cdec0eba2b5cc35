import { z } from 'zod';
import { explainedEnum } from './named.ts';

/** How long an export can be downloaded once it is ready. */
export const EXPORT_TTL_HOURS = 24;

const EXPORT_STATUSES = ['pending', 'ready', 'failed', 'expired'] as const;
export const ExportStatus = explainedEnum('ExportStatus', EXPORT_STATUSES, {
  pending: 'being made',
  ready: 'to download',
  expired: '(the file is gone)',
});

export const TaskExport = z
  .object({
    id: z.uuid(),
    workspaceId: z.uuid(),
    status: ExportStatus,
    format: z.literal('csv'),
    rowCount: z.int().min(0).max(2_147_483_647).nullable(),
    createdAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
    expiresAt: z.iso.datetime().nullable().describe('Until when it can be downloaded'),
    downloadPath: z
      .string()
      .max(300)
      .nullable()
      .describe('GET it (with the bearer token) for the CSV file, once ready'),
  })
  .meta({ id: 'TaskExport' });
export type TaskExport = z.infer<typeof TaskExport>;

export const ExportParams = z.object({ workspaceId: z.uuid(), exportId: z.uuid() });

/** The CSV file: one header row, then one row per live task. */
export const ExportCsv = z
  .string()
  .max(100_000_000)
  .describe(
    'RFC 4180 CSV with a header row: id, title, description, status, priority, due_date, assignee_email, labels, created_at, updated_at, completed_at',
  );
