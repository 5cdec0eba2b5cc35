import { vi } from 'vitest';

/** Replaces fetch with a stub answering every call with the given response factory. */
export function stubFetch(respond: (request: Request) => Response | Promise<Response>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const request = input instanceof Request ? input : new Request(input);
    return respond(request);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

export function jsonResponse(body: unknown, init: ResponseInit & { type?: string } = {}): Response {
  const { type = 'application/json', ...rest } = init;
  const headers = new Headers(rest.headers);
  headers.set('Content-Type', type);
  return new Response(JSON.stringify(body), { ...rest, headers });
}
