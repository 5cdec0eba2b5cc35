import { z } from 'zod';

/** A backup's file name: made by TaskFlow, so nothing else names a file to read. */
export const BACKUP_NAME = /^taskflow-\d{8}T\d{6}Z-[0-9a-f]{8}\.tar\.gz$/;

export const BackupName = z.string().regex(BACKUP_NAME).max(64);

const Count = z.int().min(0).max(Number.MAX_SAFE_INTEGER);

export const BackupTrigger = z
  .enum(['manual', 'schedule', 'command'])
  .describe('Who started it: an admin, BACKUP_CRON, or `taskflow backup`');

export const Backup = z
  .object({
    name: BackupName,
    createdAt: z.iso.datetime(),
    bytes: Count.describe('Size of the archive'),
    trigger: BackupTrigger,
    taskflowVersion: z.string().max(40),
    pgliteVersion: z.string().max(40).describe('A restore needs the same PGlite line (0.x)'),
    migration: z.string().max(100).describe('The last migration applied to the database'),
    rows: Count.describe('Rows in TaskFlow’s tables at the snapshot'),
    files: Count.describe('Attachment files in the archive'),
  })
  .meta({ id: 'Backup' });
export type Backup = z.infer<typeof Backup>;

export const BackupList = z
  .object({
    available: z
      .boolean()
      .describe('False in cluster mode: PostgreSQL is backed up with its own tools'),
    schedule: z.string().max(100).nullable().describe('BACKUP_CRON, when backups are scheduled'),
    keep: z.int().min(1).max(1000).describe('BACKUP_KEEP: older backups are removed'),
    items: z.array(Backup).max(1000).describe('Newest first'),
  })
  .meta({ id: 'BackupList' });
export type BackupList = z.infer<typeof BackupList>;

export const BackupParams = z.object({ name: BackupName });
