import { api, unwrap } from '../../../api/client.ts';

/**
 * `GET /api/v1/events` as a fetch, not an EventSource, so that it carries the bearer token
 * (added by the client's auth middleware, which also refreshes it once on 401 and retries).
 * Resolves with the body to read; rejects with the ApiError of a refused stream.
 */
export async function openEventStream(
  lastEventId: string | null,
  signal: AbortSignal,
): Promise<ReadableStream<Uint8Array>> {
  const body = await unwrap(
    api.GET('/api/v1/events', {
      params: lastEventId === null ? {} : { header: { 'last-event-id': lastEventId } },
      headers: { Accept: 'text/event-stream' },
      cache: 'no-store',
      parseAs: 'stream',
      signal,
    }),
  );
  if (!body) throw new Error('The event stream answered without a body');
  return body;
}
