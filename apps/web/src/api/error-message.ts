import { passkeyPromptMessage } from '../lib/webauthn.ts';
import { ApiError, type ApiErrorCode } from './api-error.ts';

const byStatus: Record<number, string> = {
  401: 'Please sign in to continue.',
  403: 'You do not have access to this.',
  404: 'We could not find what you were looking for.',
  409: 'This conflicts with a change made elsewhere. Reload and try again.',
  412: 'Someone else changed this in the meantime. Reload to see the latest version.',
  422: 'Some of the values are not valid.',
  429: 'Too many requests. Please wait a moment and try again.',
};

/** The API's details are phrases; shown alone they end like sentences. */
function sentence(text: string | undefined): string | undefined {
  if (!text) return undefined;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

const byCode: Partial<Record<ApiErrorCode, string | ((error: ApiError) => string)>> = {
  INVALID_CREDENTIALS: 'The email or password is not correct.',
  EMAIL_NOT_VERIFIED: 'Verify your email address first: follow the link in the mail we sent you.',
  ACCOUNT_DISABLED: 'This account is disabled. Contact your administrator.',
  SESSION_EXPIRED: 'Your session has ended. Please sign in again.',
  TWO_FACTOR_CODE_INVALID: (error) => sentence(error.problem?.detail) ?? 'The code is not correct.',
  TWO_FACTOR_CHALLENGE_EXPIRED: 'This sign-in has expired. Enter your password again.',
  TWO_FACTOR_REQUIRED:
    'Administrators must turn on two-factor sign-in first: do it on your account page.',
  PASSKEY_INVALID: 'That passkey could not be verified. Try again, or use another way to sign in.',
  PASSKEY_REGISTRATION_INVALID: 'The new passkey could not be verified. Try again.',
  PASSKEY_CHALLENGE_EXPIRED: 'The passkey request expired. Try again.',
  PASSKEY_NOT_FOUND: 'That passkey is gone: it was removed meanwhile.',
  TOKEN_INVALID: 'This link is not valid or has expired. Ask for a new one.',
  SETUP_LINK_INVALID:
    'This setup link is not valid or has expired. Restart TaskFlow: its log then shows a new one.',
  SETUP_LINK_USED:
    'This setup link was already used: TaskFlow has an administrator. Sign in to continue.',
  LAST_SIGN_IN_METHOD:
    'This is your only way to sign in. Set a password first (Forgot password? on the sign-in page).',
  CSRF_REJECTED: 'The request was blocked as a security precaution. Reload the page and try again.',
  ALREADY_MEMBER: 'That person is already a member of this workspace.',
  ACCOUNT_NOT_FOUND: 'No TaskFlow account uses this email address.',
  LAST_OWNER: 'A workspace needs at least one owner. Make another member an owner first.',
  PERSONAL_WORKSPACE:
    'A personal workspace cannot be deleted or left, and the person it belongs to stays its owner.',
  // The API says which limit (workspaces per person, members per workspace).
  LIMIT_REACHED: (error) => error.problem?.detail ?? 'A limit has been reached.',
  PRECONDITION_FAILED: 'Someone else changed this in the meantime. Review their version first.',
  // The API says what conflicts (the last administrator, a job that has already finished…).
  CONFLICT: (error) => sentence(error.problem?.detail) ?? (byStatus[409] as string),
  BACKUP_IN_PROGRESS: 'A backup is already being taken. Try again when it is done.',
  BACKUPS_UNAVAILABLE:
    'Backups are taken here in embedded mode only. Back up PostgreSQL with its own tools (pg_dump).',
  // With a detail, the export failed rather than still being made.
  EXPORT_NOT_READY: (error) =>
    error.problem?.detail
      ? 'This export failed. Export the tasks again to make a new file.'
      : 'The export is still being made. Try again in a moment.',
  EXPORT_EXPIRED:
    'This export has expired: a file can be downloaded for a day. Export the tasks again.',
  // The API says how large a file may be, which types it takes, how full the workspace is.
  FILE_TOO_LARGE: (error) => sentence(error.problem?.detail) ?? 'This file is larger than allowed.',
  FILE_TYPE_NOT_ALLOWED: (error) =>
    sentence(error.problem?.detail) ??
    'Files of this type cannot be attached: images, PDF, ZIP, Office and OpenDocument files, and text can.',
  STORAGE_QUOTA_EXCEEDED: (error) =>
    sentence(error.problem?.detail) ??
    'The workspace has no room left for this file. Delete files it no longer needs first.',
  UPLOAD_INCOMPLETE: 'The file did not arrive whole. Attach it again.',
  LINK_EXPIRED: 'This link has expired. Open the file again from its task.',
  INVITATION_EXPIRED: 'This invitation has expired. Ask for a new one.',
  INVITATION_REVOKED: 'This invitation was withdrawn. Ask for a new one.',
  INVITATION_USED_UP:
    'This invitation has already been used as often as it allows. Ask for a new one.',
  INVITATION_WRONG_ACCOUNT:
    'This invitation was sent to another email address. Sign in with that address’s account.',
};

/** "30 seconds", "1 minute", "15 minutes": rounded up, so the wait is never shorter than said. */
export function waitDuration(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

function rateLimitedMessage(error: ApiError): string {
  const seconds = error.retryAfterSeconds;
  if (seconds === undefined || seconds <= 0) return byStatus[429] as string;
  return `Too many attempts. Please try again in ${waitDuration(seconds)}.`;
}

/** A message fit to show a person, for any error a query or mutation can throw. */
export function humanMessage(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return passkeyPromptMessage(error) ?? 'Something went wrong. Please try again.';
  }
  if (error.code === 'NETWORK') return 'You appear to be offline, or the server cannot be reached.';
  if (error.code === 'RATE_LIMITED' || error.status === 429) return rateLimitedMessage(error);
  if (error.status >= 500) return 'The server had a problem. Please try again in a moment.';
  const known = byCode[error.code];
  if (known) return typeof known === 'string' ? known : known(error);
  if (error.status === 400) return error.problem?.detail ?? 'The request was not valid.';
  return byStatus[error.status] ?? error.message;
}
