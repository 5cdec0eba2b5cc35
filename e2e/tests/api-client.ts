import { type APIRequestContext, expect } from '@playwright/test';
import type { components, paths } from '@taskflow/contract/openapi';
import createClient, { type Client } from 'openapi-fetch';
import { baseURL } from './base-url.ts';

/** The API, typed by the contract's OpenAPI document. */
export type Api = Client<paths>;
export type Schemas = components['schemas'];
export type Task = Schemas['Task'];

/**
 * The API over a Playwright request context: cookies the API sets land in that context (the
 * page's own, for `page.request`), and every call shows in the trace.
 */
export function apiClient(request: APIRequestContext, accessToken?: string): Api {
  return createClient<paths>({
    baseUrl: baseURL,
    headers: accessToken ? { Authorization: `Bearer ${accessToken}` } : {},
    fetch: async (call) => {
      const answer = await request.fetch(call.url, {
        method: call.method,
        headers: Object.fromEntries(call.headers),
        data: call.body ? Buffer.from(await call.arrayBuffer()) : undefined,
        maxRedirects: 0,
      });
      const empty = answer.status() === 204 || answer.status() === 304;
      return new Response(empty ? null : new Uint8Array(await answer.body()), {
        status: answer.status(),
        headers: answer.headersArray().map(({ name, value }): [string, string] => [name, value]),
      });
    },
  });
}

type Result = { data?: unknown; error?: unknown; response: Response };
type DataOf<R> = R extends { data: infer D } ? D : never;

/** The data of a call that must answer `status`; otherwise the test fails with the problem. */
export async function expectAnswer<R extends Result>(
  call: Promise<R>,
  status: number,
  what: string,
): Promise<DataOf<R>> {
  const { data, error, response } = await call;
  expect(response.status, `${what}${error ? `: ${JSON.stringify(error)}` : ''}`).toBe(status);
  return data as DataOf<R>;
}
