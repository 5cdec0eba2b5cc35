import { type ErrorCode, errorCatalogue, type FieldError } from '@taskflow/contract';

/** A failure the client can act on. Services throw these; the error handler renders them. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;
  /** Members beyond RFC 9457's, declared by the route's problem schema (e.g. `current`). */
  readonly extra: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    options: {
      detail?: string;
      errors?: FieldError[];
      headers?: Record<string, string>;
      extra?: Record<string, unknown>;
    } = {},
  ) {
    super(options.detail ?? errorCatalogue[code].title);
    this.name = 'AppError';
    this.code = code;
    this.detail = options.detail;
    this.errors = options.errors;
    this.headers = options.headers;
    this.extra = options.extra;
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }
}

export class NotFoundError extends AppError {
  constructor(resource: string) {
    super('NOT_FOUND', { detail: `The ${resource} was not found` });
  }
}
