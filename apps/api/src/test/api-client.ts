import type { paths } from '@taskflow/contract/openapi';
import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../app.ts';

/**
 * A client over `app.inject` typed by the OpenAPI document (`paths` from the contract): the path
 * is the documented template, its parameters, query and body are checked against the operation,
 * and the answer is a union over the documented statuses, each with the body documented for it.
 *
 *   const res = await api.get('/api/v1/workspaces/{workspaceId}/tasks', {
 *     path: { workspaceId }, query: { status: 'todo' }, token });
 *   const page = bodyOf(res, 200); // a TaskList, or the test fails showing the answer
 */
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

/** The documented paths that answer `M`. */
type PathOf<M extends Method> = {
  [P in keyof paths]: [NonNullable<paths[P][M]>] extends [never] ? never : P;
}[keyof paths];

type Parameters<O> = O extends { parameters: infer Params } ? Params : never;
type PathParams<O> = Parameters<O> extends { path: infer Path } ? Path : undefined;
type QueryParams<O> = Parameters<O> extends { query?: infer Query } ? Query : undefined;
type RequestBody<O> = O extends { requestBody?: { content: infer Content } }
  ? Content[keyof Content]
  : undefined;

type Responses<O> = O extends { responses: infer R } ? R : never;
type ContentOf<R> = R extends { content: infer Content } ? Content[keyof Content] : undefined;

/** One documented answer: its status, its body as documented, and the headers. */
type Answer<O> = {
  [S in keyof Responses<O>]: {
    status: S;
    body: ContentOf<Responses<O>[S]>;
    headers: LightMyRequestResponse['headers'];
    /** The raw answer, for what the document does not type (cookies, the text of the body). */
    raw: LightMyRequestResponse;
  };
}[keyof Responses<O>];

export type RequestOptions<O> = (PathParams<O> extends undefined
  ? { path?: undefined }
  : { path: PathParams<O> }) & {
  query?: QueryParams<O>;
  /**
   * Every field optional: the generated types make fields with defaults required, and tests send
   * incomplete bodies on purpose; names and types are still checked.
   */
  body?: Partial<RequestBody<O>>;
  /** The access token sent as `Authorization: Bearer …` (a bound client sends its own). */
  token?: string;
  headers?: Record<string, string>;
  remoteAddress?: string;
};

/** Options are required when the path has parameters, optional otherwise. */
type OptionsArgument<O> =
  PathParams<O> extends undefined ? [options?: RequestOptions<O>] : [options: RequestOptions<O>];

function urlOf(template: string, path: object = {}, query: object = {}) {
  const params = path as Record<string, string>;
  const url = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${template}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) search.set(key, String(value));
  }
  const suffix = search.toString();
  return suffix ? `${url}?${suffix}` : url;
}

function bodyFrom(raw: LightMyRequestResponse) {
  if (/json/.test(String(raw.headers['content-type'] ?? ''))) return raw.json();
  return raw.body === '' ? undefined : raw.body;
}

export function createApiClient(app: App, bound: { token?: string } = {}) {
  const request =
    <M extends Method>(method: M) =>
    async <P extends PathOf<M>>(
      path: P,
      ...[options]: OptionsArgument<Operation<P, M>>
    ): Promise<Answer<Operation<P, M>>> => {
      const { query, body, headers, remoteAddress } = options ?? {};
      const token = options?.token ?? bound.token;
      const raw = await app.inject({
        method: method.toUpperCase() as Uppercase<M>,
        url: urlOf(path, options?.path as object | undefined, query as object | undefined),
        ...(body === undefined ? {} : { payload: body as object }),
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        ...(remoteAddress ? { remoteAddress } : {}),
      });
      return { status: raw.statusCode, body: bodyFrom(raw), headers: raw.headers, raw } as Answer<
        Operation<P, M>
      >;
    };
  return {
    get: request('get'),
    post: request('post'),
    put: request('put'),
    patch: request('patch'),
    delete: request('delete'),
  };
}

/**
 * The body of an answer that must have `status`, typed as documented for it; any other answer
 * fails the test, showing what came back.
 */
export function bodyOf<A, const S extends StatusOf<A>>(answer: A, status: S): BodyFor<A, S> {
  const { raw, body } = answer as { raw: LightMyRequestResponse; body: unknown };
  if (raw.statusCode !== status) {
    throw new Error(`expected ${String(status)}, got ${raw.statusCode}: ${raw.body}`);
  }
  return body as BodyFor<A, S>;
}

type StatusOf<A> = A extends { status: infer S } ? S : never;
type BodyFor<A, S> = Extract<A, { status: S }> extends { body: infer B } ? B : never;
