import type { components } from '@taskflow/contract/openapi';

export type ProblemDetails = components['schemas']['ProblemDetails'];

/** The API's catalogue codes, plus the failures that never reach the API or break the contract. */
export type ApiErrorCode = ProblemDetails['code'] | 'NETWORK' | 'UNEXPECTED_RESPONSE';

const REQUEST_ID_HEADER = 'X-Request-Id';

/** Seconds to wait from a Retry-After header: delta-seconds or an HTTP date. */
export function retryAfterSeconds(response: Response): number | undefined {
  const value = response.headers.get('Retry-After');
  if (!value) return undefined;
  const seconds = /^\d+$/.test(value.trim())
    ? Number(value)
    : (Date.parse(value) - Date.now()) / 1000;
  return Number.isFinite(seconds) ? Math.max(0, Math.ceil(seconds)) : undefined;
}

function isProblem(body: unknown): body is ProblemDetails {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Record<string, unknown>;
  return (
    typeof candidate.status === 'number' &&
    typeof candidate.code === 'string' &&
    typeof candidate.title === 'string'
  );
}

/** Every failed API call surfaces as one of these, so the UI handles a single error shape. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly requestId: string | undefined;
  readonly problem: ProblemDetails | undefined;
  /** From Retry-After, on 429 and 503. */
  readonly retryAfterSeconds: number | undefined;

  constructor(options: {
    status: number;
    code: ApiErrorCode;
    message: string;
    requestId?: string | undefined;
    problem?: ProblemDetails | undefined;
    retryAfterSeconds?: number | undefined;
    cause?: unknown;
  }) {
    super(options.message, { cause: options.cause });
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.requestId = options.requestId;
    this.problem = options.problem;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** 5xx and network failures may succeed later; 4xx never will without a change. */
  get isRetryable(): boolean {
    return this.status === 0 || this.status >= 500;
  }

  /**
   * Field validation messages keyed by body field (`body.password` → `password`); errors about
   * the query, path or headers are not a form field's and stay out.
   */
  get fieldErrors(): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const { path, message } of this.problem?.errors ?? []) {
      const field = /^body\.([^.[\]]+)/.exec(path)?.[1];
      if (field && !(field in fields)) fields[field] = message;
    }
    return fields;
  }

  /** Builds the error from a non-2xx response whose body openapi-fetch has already parsed. */
  static fromResponse(response: Response, body: unknown): ApiError {
    const headerId = response.headers.get(REQUEST_ID_HEADER) ?? undefined;
    const retryAfter = retryAfterSeconds(response);
    if (isProblem(body)) {
      return new ApiError({
        status: response.status,
        code: body.code,
        message: body.detail ?? body.title,
        requestId: body.requestId || headerId,
        problem: body,
        retryAfterSeconds: retryAfter,
      });
    }
    return new ApiError({
      status: response.status,
      code: 'UNEXPECTED_RESPONSE',
      message: `Unexpected response (HTTP ${response.status})`,
      requestId: headerId,
      retryAfterSeconds: retryAfter,
    });
  }

  /** The request never got a response: offline, DNS, refused connection, CORS. */
  static network(request: Request, cause: unknown): ApiError {
    return new ApiError({
      status: 0,
      code: 'NETWORK',
      message: 'The server could not be reached',
      requestId: request.headers.get(REQUEST_ID_HEADER) ?? undefined,
      cause,
    });
  }
}

export { REQUEST_ID_HEADER };
