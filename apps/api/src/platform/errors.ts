import { type ErrorCode, errorCatalogue } from '@taskflow/contract';

/** An input field that is not acceptable, named as the caller sent it (`assigneeId`, `sort`). */
export type FieldIssue = { field: string; message: string };

/**
 * A failure the caller can act on, with a stable code from the contract's catalogue. Services and
 * repositories throw these; only the HTTP layer turns them into statuses, headers and request
 * paths (platform/http/error-handler.ts).
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;
  readonly fields: FieldIssue[] | undefined;
  /** Facts the caller gets with the error (e.g. `current` for a stale version). */
  readonly data: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    options: { detail?: string; fields?: FieldIssue[]; data?: Record<string, unknown> } = {},
  ) {
    super(options.detail ?? errorCatalogue[code].title);
    this.name = new.target.name;
    this.code = code;
    this.detail = options.detail;
    this.fields = options.fields;
    this.data = options.data;
  }
}

/** Missing, or not the caller's to see: the two look the same. */
export class NotFoundError extends DomainError {
  constructor(resource: string) {
    super('NOT_FOUND', { detail: `The ${resource} was not found` });
  }
}

/** Input that passed the schema but not a rule of the domain. */
export class InvalidInputError extends DomainError {
  constructor(fields: FieldIssue[], detail?: string) {
    super('VALIDATION_FAILED', { detail, fields });
  }

  static field(field: string, message: string) {
    return new InvalidInputError([{ field, message }]);
  }
}

/** The thing changed since the caller read it: carries it as it is now. */
export class StaleVersionError<T extends { version: number }> extends DomainError {
  readonly current: T;

  constructor(current: T, resource = 'task') {
    super('PRECONDITION_FAILED', {
      detail: `The ${resource} has changed: it is at version ${current.version}`,
      data: { current },
    });
    this.current = current;
  }
}

/** Refused for now: the caller may try again after `seconds`. */
export class RetryLaterError extends DomainError {
  readonly seconds: number;

  constructor(seconds: number, detail: string, code: ErrorCode = 'RATE_LIMITED') {
    super(code, { detail });
    this.seconds = seconds;
  }
}
