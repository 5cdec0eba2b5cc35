import type { LabelColour } from '@taskflow/contract';
import type { ColumnType, Generated } from 'kysely';

/** Read as ISO 8601 text (platform/db/iso-timestamps.ts); written as a Date or text. */
type Timestamp = ColumnType<string, Date | string, Date | string>;
/** A timestamp the database fills in by default (now()), settable on update. */
type DefaultTimestamp = ColumnType<string, Date | string | undefined, Date | string>;

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  /** Null for an account made by single sign-on, until a password is set (reset link). */
  password_hash: string | null;
  role: Generated<'user' | 'admin'>;
  email_verified_at: Timestamp | null;
  disabled_at: Timestamp | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  mail_on_mention: Generated<boolean>;
}

export interface SetupLinksTable {
  token_hash: string;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  used_by: string | null;
}

export interface UserTwoFactorTable {
  user_id: string;
  /** The TOTP secret, sealed with the configured key (see two-factor-secrets.ts). */
  secret: string;
  /** Null while enrolment waits for its first code. */
  confirmed_at: Timestamp | null;
  last_used_step: number | null;
  created_at: DefaultTimestamp;
}

export interface TwoFactorRecoveryCodesTable {
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
  created_at: DefaultTimestamp;
}

export interface TwoFactorChallengesTable {
  token_hash: string;
  user_id: string;
  failed_attempts: Generated<number>;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface PasskeysTable {
  id: Generated<string>;
  user_id: string;
  /** Base64url, as the browser names the credential. */
  credential_id: string;
  /** The COSE public key. */
  public_key: Uint8Array;
  /** The authenticator's signature counter (0 when it keeps none): a bigint, read as `Number()`. */
  counter: ColumnType<string | number | bigint, number | undefined, number>;
  transports: ColumnType<string[], string[] | undefined, string[]>;
  device_type: 'singleDevice' | 'multiDevice';
  backed_up: boolean;
  name: string;
  created_at: DefaultTimestamp;
  last_used_at: Timestamp | null;
}

export interface WebauthnChallengesTable {
  id: Generated<string>;
  /** SHA-256 of the challenge: a database read does not hand out live challenges. */
  challenge_hash: string;
  purpose: 'register' | 'sign_in' | 'second_factor';
  user_id: string | null;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface AppSettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: DefaultTimestamp;
  updated_by: string | null;
}

export interface SessionsTable {
  id: Generated<string>;
  user_id: string;
  ip: string | null;
  user_agent: string | null;
  created_at: DefaultTimestamp;
  last_used_at: DefaultTimestamp;
  idle_expires_at: Timestamp;
  absolute_expires_at: Timestamp;
  revoked_at: Timestamp | null;
  revoked_reason: string | null;
}

export interface RefreshTokensTable {
  token_hash: string;
  session_id: string;
  created_at: DefaultTimestamp;
  rotated_at: Timestamp | null;
}

export interface OneTimeTokensTable {
  token_hash: string;
  user_id: string;
  purpose: 'verify_email' | 'reset_password';
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface PersonalAccessTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  scope: 'read' | 'read_write';
  token_hash: string;
  last_four: string;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
  last_used_at: Timestamp | null;
  last_used_ip: string | null;
  revoked_at: Timestamp | null;
  revoked_reason: string | null;
}

export interface AuditEventsTable {
  id: Generated<string>;
  type: string;
  actor_id: string | null;
  subject_id: string | null;
  ip: string | null;
  user_agent: string | null;
  detail: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: DefaultTimestamp;
}

export interface MailOutboxTable {
  id: Generated<string>;
  to_address: string;
  subject: string;
  text_body: string;
  created_at: DefaultTimestamp;
}

export interface SigningKeysTable {
  kid: string;
  algorithm: string;
  private_jwk: ColumnType<Record<string, unknown>, string, string>;
  public_jwk: ColumnType<Record<string, unknown>, string, string>;
  created_at: DefaultTimestamp;
  retired_at: Timestamp | null;
}

export interface WorkspacesTable {
  id: Generated<string>;
  name: string;
  personal: Generated<boolean>;
  created_by: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface WorkspaceMembersTable {
  workspace_id: string;
  user_id: string;
  role: 'owner' | 'member';
  created_at: DefaultTimestamp;
}

export interface WorkspaceInvitationsTable {
  id: Generated<string>;
  workspace_id: string;
  kind: 'email' | 'link';
  email: string | null;
  role: 'owner' | 'member';
  /** SHA-256 (hex) of the token's secret part. */
  secret_hash: string;
  invited_by: string | null;
  expires_at: Timestamp;
  max_uses: number | null;
  uses: Generated<number>;
  revoked_at: Timestamp | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface TasksTable {
  id: Generated<string>;
  workspace_id: string;
  title: string;
  description: Generated<string>;
  status: Generated<'todo' | 'in_progress' | 'done'>;
  priority: Generated<'low' | 'medium' | 'high' | 'urgent'>;
  /** `date`: read as text (`YYYY-MM-DD`) by the repository, never as a Date in local time. */
  due_date: ColumnType<string | null, string | null | undefined, string | null>;
  assignee_id: string | null;
  labels: ColumnType<string[], string[] | undefined, string[]>;
  position: string;
  version: Generated<number>;
  created_by: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  completed_at: Timestamp | null;
  deleted_at: Timestamp | null;
  /** Generated from title and description. */
  search: ColumnType<string, never, never>;
  /** Live comments and ready files, kept by triggers (0011); never written by the application. */
  comment_count: ColumnType<number, never, never>;
  attachment_count: ColumnType<number, never, never>;
}

export interface EventSequenceTable {
  singleton: Generated<boolean>;
  /** bigint: read as a string by both drivers. */
  last_id: ColumnType<string, never, string>;
  pruned_through: ColumnType<string, never, string>;
}

export interface EventsTable {
  id: ColumnType<string, string, never>;
  type: string;
  workspace_id: string | null;
  user_id: string | null;
  actor_id: string | null;
  payload: ColumnType<Record<string, unknown>, string, never>;
  created_at: DefaultTimestamp;
}

/** Events committed but not yet numbered: the stamper moves them into `events` (decision 0036). */
export interface EventOutboxTable {
  seq: ColumnType<string, never, never>;
  type: string;
  workspace_id: string | null;
  user_id: string | null;
  actor_id: string | null;
  payload: ColumnType<Record<string, unknown>, string, never>;
  created_at: ColumnType<string, never, never>;
}

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  type: string;
  workspace_id: string | null;
  task_id: string | null;
  actor_id: string | null;
  title: string;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: DefaultTimestamp;
  read_at: Timestamp | null;
}

export interface TaskFollowersTable {
  task_id: string;
  user_id: string;
  created_at: DefaultTimestamp;
}

export interface JobEffectsTable {
  key: string;
  job_type: string;
  created_at: DefaultTimestamp;
}

export interface TaskExportsTable {
  id: Generated<string>;
  workspace_id: string;
  user_id: string;
  status: Generated<'pending' | 'ready' | 'failed' | 'expired'>;
  row_count: number | null;
  content: string | null;
  created_at: DefaultTimestamp;
  completed_at: Timestamp | null;
  expires_at: Timestamp | null;
}

export interface DueRemindersTable {
  task_id: string;
  due_date: ColumnType<string, string, string>;
  created_at: DefaultTimestamp;
}

export interface TaskCommentsTable {
  id: Generated<string>;
  workspace_id: string;
  task_id: string;
  author_id: string | null;
  body: string;
  version: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  edited_at: Timestamp | null;
  deleted_at: Timestamp | null;
}

export interface TaskHistoryTable {
  id: Generated<string>;
  workspace_id: string;
  task_id: string;
  actor_id: string | null;
  kind: string;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: DefaultTimestamp;
}

export interface TaskAttachmentsTable {
  id: Generated<string>;
  workspace_id: string;
  task_id: string;
  uploader_id: string | null;
  name: string;
  content_type: string;
  size: number;
  storage_key: string;
  thumbnail_key: string | null;
  state: Generated<'pending' | 'ready'>;
  created_at: DefaultTimestamp;
}

export interface StorageDeletionsTable {
  storage_key: string;
  queued_at: DefaultTimestamp;
}

/** The database as Kysely sees it; one interface per table, added by the migration that makes it. */
export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  fingerprint: string;
  owner: string;
  committed: Generated<boolean>;
  locked_at: DefaultTimestamp;
  status: number | null;
  response_headers: ColumnType<
    Record<string, string> | null,
    string | null | undefined,
    string | null
  >;
  response_body: string | null;
  created_at: DefaultTimestamp;
}

export interface WorkspaceLabelsTable {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  colour: LabelColour;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

/** An archive imported into this instance, and the workspace it made (0021). */
export interface WorkspaceImportsTable {
  archive_id: string;
  source_workspace_id: string;
  workspace_id: string;
  exported_at: Timestamp;
  imported_at: DefaultTimestamp;
}

export interface SsoIdentitiesTable {
  id: Generated<string>;
  user_id: string;
  provider: string;
  subject: string;
  email: string;
  created_at: DefaultTimestamp;
  last_used_at: Timestamp | null;
}

export interface SsoAttemptsTable {
  token_hash: string;
  kind: 'sign_in' | 'link';
  provider: string;
  detail: ColumnType<Record<string, string>, string, string>;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
}

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  refresh_tokens: RefreshTokensTable;
  one_time_tokens: OneTimeTokensTable;
  personal_access_tokens: PersonalAccessTokensTable;
  audit_events: AuditEventsTable;
  mail_outbox: MailOutboxTable;
  signing_keys: SigningKeysTable;
  workspaces: WorkspacesTable;
  workspace_members: WorkspaceMembersTable;
  workspace_invitations: WorkspaceInvitationsTable;
  tasks: TasksTable;
  event_sequence: EventSequenceTable;
  events: EventsTable;
  event_outbox: EventOutboxTable;
  notifications: NotificationsTable;
  task_followers: TaskFollowersTable;
  job_effects: JobEffectsTable;
  task_exports: TaskExportsTable;
  due_reminders: DueRemindersTable;
  idempotency_keys: IdempotencyKeysTable;
  task_comments: TaskCommentsTable;
  task_history: TaskHistoryTable;
  task_attachments: TaskAttachmentsTable;
  workspace_labels: WorkspaceLabelsTable;
  workspace_imports: WorkspaceImportsTable;
  storage_deletions: StorageDeletionsTable;
  setup_links: SetupLinksTable;
  user_two_factor: UserTwoFactorTable;
  two_factor_recovery_codes: TwoFactorRecoveryCodesTable;
  two_factor_challenges: TwoFactorChallengesTable;
  app_settings: AppSettingsTable;
  sso_identities: SsoIdentitiesTable;
  sso_attempts: SsoAttemptsTable;
  passkeys: PasskeysTable;
  webauthn_challenges: WebauthnChallengesTable;
}
