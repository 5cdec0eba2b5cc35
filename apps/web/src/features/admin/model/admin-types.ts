import type { InfiniteData } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';

export type AdminStats = components['schemas']['AdminStats'];
export type DayFigures = AdminStats['series'][number];
export type Job = components['schemas']['Job'];
export type JobState = components['schemas']['JobState'];
export type JobList = components['schemas']['JobList'];
export type JobPages = InfiniteData<JobList, string | null>;
export type AdminUser = components['schemas']['AdminUser'];
export type AdminUserList = components['schemas']['AdminUserList'];
export type UserPages = InfiniteData<AdminUserList, string | null>;
export type Role = components['schemas']['Role'];
export type DetailedHealth = components['schemas']['DetailedHealth'];
export type LiveEvent = components['schemas']['LiveEvent'];
export type Backup = components['schemas']['Backup'];
export type BackupList = components['schemas']['BackupList'];

/** Every job state, in the order a job goes through them: the contract's own list. */
export { JOB_STATES } from '@taskflow/contract';

export const jobStateNames: Record<JobState, string> = {
  created: 'Waiting',
  retry: 'Waiting to retry',
  active: 'Running',
  completed: 'Completed',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

/** Who started a backup. */
export const backupTriggerNames: Record<Backup['trigger'], string> = {
  manual: 'Taken by an admin',
  schedule: 'Taken on schedule',
  command: 'Taken from the command line',
};

export const roleNames: Record<Role, string> = { user: 'User', admin: 'Administrator' };

/** The filters of a job list; absent means any. */
export type JobFilters = { state?: JobState | undefined; type?: string | undefined };
