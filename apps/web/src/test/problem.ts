import { ApiError } from '../api/api-error.ts';

/** A problem+json body as the API sends it; `extra` adds its detail, field errors or limit. */
export function problemBody(
  status: number,
  code: string,
  title: string,
  extra: Record<string, unknown> = {},
) {
  return { type: 'urn:x', title, status, code, requestId: 'r', ...extra };
}

/** The ApiError a call fails with; fails the test when it succeeds or fails otherwise. */
export async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}
