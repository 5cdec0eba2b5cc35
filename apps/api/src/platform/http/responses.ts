import { ProblemDetails } from '@taskflow/contract';
import { z } from 'zod';

/**
 * The errors any API route can answer with: bad input, a body too large or of the wrong type,
 * too many requests, server failure, and overload (503 with `Retry-After`).
 */
const common = [400, 413, 415, 429, 500, 503] as const;
type Common = (typeof common)[number];

/** A route's responses: its successes plus every error it can produce, all documented. */
export function withProblems<R extends Record<number, z.ZodType>, E extends number = never>(
  ok: R,
  extra: readonly E[] = [],
): R & Record<Common | E, typeof ProblemDetails> {
  const problems = Object.fromEntries([...common, ...extra].map((s) => [s, ProblemDetails]));
  return { ...problems, ...ok } as R & Record<Common | E, typeof ProblemDetails>;
}

/** The security requirement of routes for signed-in users: an access token. */
export const bearer = [{ bearerAuth: [] }];

/** Operator routes: the access token of an admin. */
export const adminBearer = [{ adminBearerAuth: [] }];

/** A response with no body (204). */
export const noContent = z.null().describe('Done');
