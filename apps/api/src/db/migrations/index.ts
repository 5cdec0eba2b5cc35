import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_users.ts';
import * as m0002 from './0002_accounts.ts';
import * as m0003 from './0003_workspaces_tasks.ts';
import * as m0004 from './0004_events_notifications.ts';
import * as m0005 from './0005_jobs_exports.ts';

/** Every migration, in order. Names are permanent once released. */
export const migrations: Record<string, Migration> = {
  '0001_users': m0001,
  '0002_accounts': m0002,
  '0003_workspaces_tasks': m0003,
  '0004_events_notifications': m0004,
  '0005_jobs_exports': m0005,
};
