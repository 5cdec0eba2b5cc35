/**
 * The one catalogue of error codes. Every problem+json response carries one of these codes;
 * the HTTP status and title of a code never change once released.
 */
export const errorCatalogue = {
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  MALFORMED_JSON: { status: 400, title: 'The request body is not valid JSON' },
  BAD_REQUEST: { status: 400, title: 'The request cannot be processed' },
  UPLOAD_INCOMPLETE: { status: 400, title: 'The upload did not arrive whole; send it again' },
  UNAUTHENTICATED: { status: 401, title: 'Authentication is required' },
  INVALID_CREDENTIALS: { status: 401, title: 'The email or password is not correct' },
  SESSION_EXPIRED: { status: 401, title: 'The session has ended; sign in again' },
  TWO_FACTOR_CODE_INVALID: { status: 401, title: 'The two-factor code is not correct' },
  TWO_FACTOR_CHALLENGE_EXPIRED: {
    status: 401,
    title: 'The sign-in has expired; enter your password again',
  },
  PASSKEY_INVALID: { status: 401, title: 'The passkey could not be verified' },
  FORBIDDEN: { status: 403, title: 'You do not have access to this resource' },
  CSRF_REJECTED: { status: 403, title: 'The request did not come from TaskFlow' },
  EMAIL_NOT_VERIFIED: { status: 403, title: 'Verify your email address first' },
  INVITATION_WRONG_ACCOUNT: {
    status: 403,
    title: 'This invitation was sent to another email address',
  },
  ACCOUNT_DISABLED: { status: 403, title: 'This account is disabled' },
  TOKEN_SCOPE_INSUFFICIENT: {
    status: 403,
    title: 'The access token’s scope does not allow this request',
  },
  TOKEN_NOT_ALLOWED: {
    status: 403,
    title: 'A personal access token cannot be used here; sign in instead',
  },
  TWO_FACTOR_REQUIRED: {
    status: 403,
    title: 'Turn on two-factor sign-in for your account first',
  },
  PASSKEY_REGISTRATION_INVALID: { status: 400, title: 'The new passkey could not be verified' },
  PASSKEY_CHALLENGE_EXPIRED: {
    status: 400,
    title: 'The passkey request has expired or was already used; try again',
  },
  TOKEN_INVALID: { status: 400, title: 'The link is not valid or has expired' },
  NOT_FOUND: { status: 404, title: 'The resource was not found' },
  ACCOUNT_NOT_FOUND: { status: 404, title: 'No TaskFlow account uses this email address' },
  SETUP_LINK_INVALID: { status: 404, title: 'The setup link is not valid or has expired' },
  PASSKEY_NOT_FOUND: { status: 404, title: 'The passkey was not found' },
  ROUTE_NOT_FOUND: { status: 404, title: 'No such route' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  NOT_ACCEPTABLE: { status: 406, title: 'Not acceptable' },
  CONFLICT: { status: 409, title: 'The request conflicts with the current state' },
  ALREADY_MEMBER: { status: 409, title: 'That person is already a member of this workspace' },
  LAST_OWNER: { status: 409, title: 'A workspace needs at least one owner' },
  PERSONAL_WORKSPACE: { status: 409, title: 'A personal workspace cannot be deleted or left' },
  LABEL_EXISTS: { status: 409, title: 'The workspace already has a label with this name' },
  LAST_SIGN_IN_METHOD: {
    status: 409,
    title: 'This is the account’s only way to sign in; set a password first',
  },
  LIMIT_REACHED: { status: 409, title: 'A limit has been reached' },
  BACKUP_IN_PROGRESS: { status: 409, title: 'A backup is being taken; try again when it is done' },
  BACKUPS_UNAVAILABLE: {
    status: 409,
    title: 'Backups are taken here in embedded mode only; back up PostgreSQL with its own tools',
  },
  EXPORT_NOT_READY: { status: 409, title: 'The export is not ready yet' },
  IDEMPOTENCY_KEY_IN_USE: {
    status: 409,
    title: 'A request with this Idempotency-Key is still being processed',
  },
  STORAGE_QUOTA_EXCEEDED: {
    status: 409,
    title: 'The workspace has no room left for this file',
  },

  EXPORT_EXPIRED: { status: 410, title: 'The export has expired; make a new one' },
  INVITATION_EXPIRED: { status: 410, title: 'The invitation has expired; ask for a new one' },
  INVITATION_REVOKED: { status: 410, title: 'The invitation was withdrawn' },
  INVITATION_USED_UP: {
    status: 410,
    title: 'The invitation has already been used as often as it allows',
  },
  SETUP_LINK_USED: {
    status: 410,
    title: 'The setup link was already used: TaskFlow has an administrator',
  },
  PRECONDITION_FAILED: { status: 412, title: 'The resource has changed' },
  LINK_EXPIRED: { status: 410, title: 'The link has expired; open the file again from its task' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  FILE_TOO_LARGE: { status: 413, title: 'The file is larger than allowed' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  FILE_TYPE_NOT_ALLOWED: { status: 415, title: 'Files of this type cannot be attached' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    title: 'This Idempotency-Key was already used for a different request',
  },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  INTERNAL: { status: 500, title: 'Internal server error' },
  SERVICE_UNAVAILABLE: { status: 503, title: 'Service unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export const errorCodes = Object.keys(errorCatalogue) as [ErrorCode, ...ErrorCode[]];

/** The `type` URI of a problem: stable, one per code. */
export function problemType(code: ErrorCode): string {
  return `urn:taskflow:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}
