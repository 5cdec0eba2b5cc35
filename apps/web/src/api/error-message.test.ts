import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../test/fetch.ts';
import { problemBody } from '../test/problem.ts';
import { ApiError } from './api-error.ts';
import { humanMessage, waitDuration } from './error-message.ts';

function problemError(status: number, code: string, headers: Record<string, string> = {}) {
  const body = { type: 'urn:x', title: code, status, code, requestId: 'r' };
  return ApiError.fromResponse(
    jsonResponse(body, { status, headers, type: 'application/problem+json' }),
    body,
  );
}

describe('humanMessage', () => {
  it.each([
    [401, 'INVALID_CREDENTIALS', 'The email or password is not correct.'],
    [403, 'EMAIL_NOT_VERIFIED', 'Verify your email address first'],
    [403, 'ACCOUNT_DISABLED', 'This account is disabled.'],
    [401, 'SESSION_EXPIRED', 'Your session has ended.'],
    [400, 'TOKEN_INVALID', 'This link is not valid or has expired.'],
    [403, 'CSRF_REJECTED', 'blocked as a security precaution'],
    [409, 'ALREADY_MEMBER', 'already a member of this workspace'],
    [409, 'LAST_OWNER', 'needs at least one owner'],
    [409, 'PERSONAL_WORKSPACE', 'A personal workspace cannot be deleted or left'],
    [409, 'LIMIT_REACHED', 'A limit has been reached.'],
    [412, 'PRECONDITION_FAILED', 'Someone else changed this in the meantime.'],
    [409, 'CONFLICT', 'This conflicts with a change made elsewhere.'],
    [409, 'BACKUP_IN_PROGRESS', 'A backup is already being taken.'],
    [409, 'BACKUPS_UNAVAILABLE', 'Back up PostgreSQL with its own tools (pg_dump).'],
    [409, 'EXPORT_NOT_READY', 'The export is still being made.'],
    [410, 'EXPORT_EXPIRED', 'This export has expired'],
    [413, 'FILE_TOO_LARGE', 'This file is larger than allowed.'],
    [415, 'FILE_TYPE_NOT_ALLOWED', 'Files of this type cannot be attached'],
    [409, 'STORAGE_QUOTA_EXCEEDED', 'The workspace has no room left for this file.'],
    [409, 'UPLOAD_INCOMPLETE', 'The file did not arrive whole.'],
  ])('explains %i %s', (status, code, expected) => {
    expect(humanMessage(problemError(status, code))).toContain(expected);
  });

  it('says which limit was reached when the API tells', () => {
    const body = problemBody(409, 'LIMIT_REACHED', 'A limit has been reached', {
      detail: 'A workspace has at most 500 members',
    });
    const error = ApiError.fromResponse(jsonResponse(body, { status: 409 }), body);
    expect(humanMessage(error)).toBe('A workspace has at most 500 members');
  });

  it.each([
    [
      'CONFLICT',
      'TaskFlow needs at least one administrator',
      'TaskFlow needs at least one administrator.',
    ],
    ['CONFLICT', 'A completed job cannot be retried', 'A completed job cannot be retried.'],
    ['EXPORT_NOT_READY', 'The export failed; make a new one', 'This export failed.'],
    ['FILE_TOO_LARGE', 'A file can be at most 10 MiB', 'A file can be at most 10 MiB.'],
    [
      'STORAGE_QUOTA_EXCEEDED',
      'The workspace holds 1 GiB of files, its limit',
      'The workspace holds 1 GiB of files, its limit.',
    ],
  ])('explains a %s by its detail: %s', (code, detail, expected) => {
    const body = { type: 'urn:x', title: code, status: 409, code, requestId: 'r', detail };
    const error = ApiError.fromResponse(jsonResponse(body, { status: 409 }), body);
    expect(humanMessage(error)).toContain(expected);
  });

  it('says how long to wait when rate limited', () => {
    const error = problemError(429, 'RATE_LIMITED', { 'Retry-After': '42' });
    expect(error.retryAfterSeconds).toBe(42);
    expect(humanMessage(error)).toBe('Too many attempts. Please try again in 42 seconds.');
    expect(humanMessage(problemError(429, 'RATE_LIMITED'))).toBe(
      'Too many requests. Please wait a moment and try again.',
    );
  });

  it('rounds long waits up to minutes', () => {
    expect([1, 59, 60, 61, 900].map(waitDuration)).toEqual([
      '1 second',
      '59 seconds',
      '1 minute',
      '2 minutes',
      '15 minutes',
    ]);
  });
});

describe('ApiError.fieldErrors', () => {
  it('keys body field errors by field name and leaves other locations out', () => {
    const body = problemBody(400, 'VALIDATION_FAILED', 'Invalid', {
      errors: [
        { path: 'body.password', message: 'Too common' },
        { path: 'body.password', message: 'Second message' },
        { path: 'body.email', message: 'Bad email' },
        { path: 'query.limit', message: 'Too big' },
      ],
    });
    const error = ApiError.fromResponse(jsonResponse(body, { status: 400 }), body);
    expect(error.fieldErrors).toEqual({ password: 'Too common', email: 'Bad email' });
  });
});
