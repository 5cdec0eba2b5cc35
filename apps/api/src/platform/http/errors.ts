import type { ErrorCode, FieldError } from '@taskflow/contract';
import { DomainError } from '../errors.ts';

/**
 * A failure only the HTTP layer knows of (a guard's `WWW-Authenticate`, a header that is not
 * valid): it carries its own headers and request paths. Services throw DomainError instead.
 */
export class AppError extends DomainError {
  readonly headers: Record<string, string> | undefined;
  readonly errors: FieldError[] | undefined;

  constructor(
    code: ErrorCode,
    options: { detail?: string; errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(code, { detail: options.detail });
    this.headers = options.headers;
    this.errors = options.errors;
  }
}
