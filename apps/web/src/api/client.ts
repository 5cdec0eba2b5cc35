import type { paths } from '@taskflow/contract/openapi';
import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError, REQUEST_ID_HEADER } from './api-error.ts';
import { idempotencyKeyMiddleware, sendWithRetries } from './idempotency.ts';

/** Tags each request so a user-reported id can be found in the server logs. */
const requestIdMiddleware: Middleware = {
  onRequest({ request }) {
    if (!request.headers.has(REQUEST_ID_HEADER)) {
      request.headers.set(REQUEST_ID_HEADER, crypto.randomUUID());
    }
    return request;
  },
};

/** Turns failures to reach the server into ApiError; aborts stay aborts so queries can cancel. */
const networkErrorMiddleware: Middleware = {
  onError({ request, error }) {
    const aborted = error instanceof Error && error.name === 'AbortError';
    return aborted ? undefined : ApiError.network(request, error);
  },
};

/** Where the API is: the page's own origin, unless configured otherwise. */
export const API_BASE_URL: string = import.meta.env.VITE_API_BASE_URL ?? '';

export const api = createClient<paths>({
  baseUrl: API_BASE_URL,
  // Resolve fetch per call rather than capturing it once, so tests and polyfills can replace it.
  // Retries happen below the middleware, which sees one request and its final outcome.
  fetch: (request) => sendWithRetries(request, (attempt) => globalThis.fetch(attempt)),
});

api.use(requestIdMiddleware, idempotencyKeyMiddleware, networkErrorMiddleware);
// The auth middleware (bearer token, one shared refresh on 401) is added here in the auth issue.

type ApiResult = { data?: unknown; error?: unknown; response: Response };

/** The data type of the success branch of an openapi-fetch result. */
type DataOf<R> = R extends { data: infer D } ? D : never;

/** Returns the data of a successful call or throws its ApiError, so query functions stay short. */
export async function unwrap<R extends ApiResult>(call: Promise<R>): Promise<DataOf<R>> {
  const result = await call;
  if (result.error !== undefined || !result.response.ok) {
    throw ApiError.fromResponse(result.response, result.error);
  }
  return result.data as DataOf<R>;
}

/** The paths the API answers GET on, and what one takes in its parameters and answers with. */
export type GetPath = {
  [P in keyof paths]: paths[P] extends { get: object } ? P : never;
}[keyof paths];
type GetOperation<P extends GetPath> = paths[P] extends { get: infer O } ? O : never;
export type GetParams<P extends GetPath> =
  GetOperation<P> extends { parameters: infer Q } ? Q : never;
export type PathParams<P extends GetPath> = GetParams<P> extends { path: infer Q } ? Q : never;
export type GetData<P extends GetPath> =
  GetOperation<P> extends { responses: { 200: { content: { 'application/json': infer D } } } }
    ? D
    : never;

/** A GET for query functions: its data or its ApiError, cancelled by `signal`. */
export function getData<P extends GetPath>(
  path: P,
  params: GetParams<P>,
  signal: AbortSignal,
): Promise<GetData<P>> {
  // openapi-fetch's own signature cannot follow a path that is still generic: the types above
  // give the same request and answer for each path.
  const get = api.GET as (path: string, init: object) => Promise<ApiResult>;
  return unwrap(get(path, { params, signal })) as Promise<GetData<P>>;
}

/** A GET whose only parameters are in its path. */
export function getByPath<P extends GetPath>(
  path: P,
  params: PathParams<P>,
  signal: AbortSignal,
): Promise<GetData<P>> {
  return getData(path, { path: params } as GetParams<P>, signal);
}
