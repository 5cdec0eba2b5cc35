import { ProblemDetails } from '@taskflow/contract';
import type { FastifySchema } from 'fastify';
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

/** A route schema but its responses: id, summary, tags, security and input. */
type SchemaPart = Omit<FastifySchema, 'response'>;

/** Statuses of problems, besides the common ones, that routes answer with. */
type Problems<E extends number> = { problems?: readonly E[] };

/**
 * The schemas of a group of routes (a routes file, usually) that share some of theirs: tags,
 * security, params, the problems all of them can answer with. Each route then states only what is
 * its own: its id, summary, input, successes, and any problem of its own; where it states a field
 * the group has (other params), its own counts. Responses are as {@link withProblems} makes them.
 */
export function routeSchemas<S extends SchemaPart, G extends number = never>({
  problems: groupProblems = [],
  ...group
}: S & Problems<G>) {
  return <O extends SchemaPart, R extends Record<number, z.ZodType>, E extends number = never>({
    response,
    problems = [],
    ...own
  }: O & Problems<E> & { response: R }) =>
    ({
      ...group,
      ...own,
      response: withProblems(response, [...groupProblems, ...problems]),
    }) as Omit<S, keyof O | 'problems'> &
      Omit<O, 'problems' | 'response'> & {
        response: R & Record<Common | G | E, typeof ProblemDetails>;
      };
}

/**
 * The security requirement of routes for signed-in users: a session's access token, or a
 * personal access token (whose scope may refuse the request: 403).
 */
export const bearer: Record<string, string[]>[] = [{ bearerAuth: [] }, { personalAccessToken: [] }];

/** Routes for a signed-in session only (sessions, password, tokens): no personal access token. */
export const sessionBearer = [{ bearerAuth: [] }];

/** Operator routes: the access token of an admin. */
export const adminBearer = [{ adminBearerAuth: [] }];

/** A response with no body (204). */
export const noContent = z.null().describe('Done');
