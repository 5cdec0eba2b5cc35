import type { StreamMessage } from '@taskflow/contract';
import { createParser } from 'eventsource-parser';

export type Received = StreamMessage & { sseId: string | undefined; sseEvent: string | undefined };

/**
 * A client of `GET /api/v1/events` over real HTTP, as the web app's is: fetch with the bearer
 * token, `Last-Event-ID` on reconnection. It keeps every message and lets a test wait for some.
 */
export async function openStream(
  baseUrl: string,
  token: string,
  { lastEventId }: { lastEventId?: string } = {},
) {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/v1/events`, {
    headers: {
      authorization: `Bearer ${token}`,
      ...(lastEventId === undefined ? {} : { 'last-event-id': lastEventId }),
    },
    signal: controller.signal,
  });
  const messages: Received[] = [];
  let retry: number | undefined;
  let waiters: (() => void)[] = [];
  let ended = false;
  const parser = createParser({
    onEvent(event) {
      messages.push({ ...JSON.parse(event.data), sseId: event.id, sseEvent: event.event });
      for (const wake of waiters) wake();
      waiters = [];
    },
    onRetry(ms) {
      retry = ms;
    },
  });
  const done = (async () => {
    if (!response.ok || !response.body) return;
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body) parser.feed(decoder.decode(chunk, { stream: true }));
    } catch {
      // aborted
    } finally {
      ended = true;
      for (const wake of waiters) wake();
    }
  })();

  /** Resolves once `predicate` holds over the messages (or the stream ends, or time runs out). */
  async function until(predicate: (messages: Received[]) => boolean, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(messages)) {
      if (ended)
        throw new Error(`stream ended; received ${JSON.stringify(messages.map((m) => m.type))}`);
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`timed out; received ${JSON.stringify(messages.map((m) => m.type))}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return messages;
  }

  return {
    response,
    messages,
    get retry() {
      return retry;
    },
    get ended() {
      return ended;
    },
    /** The events (not `ready`/`reset`), in the order received. */
    events: () => messages.filter((m) => m.type !== 'ready' && m.type !== 'reset'),
    lastId: () => messages.at(-1)?.sseId,
    until,
    ready: () => until((m) => m.some((x) => x.type === 'ready' || x.type === 'reset')),
    close: async () => {
      controller.abort();
      await done;
    },
    done,
  };
}
