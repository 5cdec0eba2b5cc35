import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_users.ts';
import * as m0002 from './0002_accounts.ts';
import * as m0003 from './0003_workspaces_tasks.ts';
import * as m0004 from './0004_events_notifications.ts';
import * as m0005 from './0005_jobs_exports.ts';
import * as m0006 from './0006_revocation_notify.ts';
import * as m0007 from './0007_idempotency_keys.ts';
import * as m0008 from './0008_comments_history.ts';
import * as m0009 from './0009_attachments.ts';
import * as m0010 from './0010_card_counts.ts';
import * as m0011 from './0011_task_counts.ts';
import * as m0012 from './0012_invitations.ts';
import * as m0013 from './0013_setup_links.ts';
import * as m0014 from './0014_my_work_and_trash.ts';
import * as m0015 from './0015_workspace_labels.ts';
import * as m0016 from './0016_personal_access_tokens.ts';
import * as m0017 from './0017_two_factor.ts';
import * as m0018 from './0018_sso_identities.ts';
import * as m0019 from './0019_passkeys.ts';
import * as m0020 from './0020_event_outbox.ts';
import * as m0021 from './0021_workspace_imports.ts';

/**
 * `expand`: additive only, so the previous release keeps working on the new schema. `contract`:
 * drops, renames or tightens what the previous release no longer uses (decision 0012).
 */
export type MigrationPhase = 'expand' | 'contract';

/** A migration module: `up`, `down`, and the `phase` it declares. */
type PhasedMigration = Migration & { readonly phase: MigrationPhase };

/** Every migration, in order. Names are permanent once released. */
export const migrations: Record<string, PhasedMigration> = {
  '0001_users': m0001,
  '0002_accounts': m0002,
  '0003_workspaces_tasks': m0003,
  '0004_events_notifications': m0004,
  '0005_jobs_exports': m0005,
  '0006_revocation_notify': m0006,
  '0007_idempotency_keys': m0007,
  '0008_comments_history': m0008,
  '0009_attachments': m0009,
  '0010_card_counts': m0010,
  '0011_task_counts': m0011,
  '0012_invitations': m0012,
  '0013_setup_links': m0013,
  '0014_my_work_and_trash': m0014,
  '0015_workspace_labels': m0015,
  '0016_personal_access_tokens': m0016,
  '0017_two_factor': m0017,
  '0018_sso_identities': m0018,
  '0019_passkeys': m0019,
  '0020_event_outbox': m0020,
  '0021_workspace_imports': m0021,
};
