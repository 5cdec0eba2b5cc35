/**
 * A client of TaskFlow's live stream, `GET /api/v1/events`, as the web app's is: fetch with the
 * bearer token, `Last-Event-ID` when it resumes. It sends its own X-Request-Id (TaskFlow keeps a
 * well-formed one and logs it), so that the instance serving it can be found in the logs; it
 * keeps every message and when the stream ended.
 */
import { randomUUID } from 'node:crypto';
import { createParser } from 'eventsource-parser';

export type StreamMessage = {
  /** The SSE `id:` (the outbox id; the head for `ready` and `reset`). */
  id: string;
  /** The SSE `event:`: an event type, `ready` or `reset`. */
  type: string;
  workspaceId?: string | null;
};

export type EventStream = {
  requestId: string;
  status: number;
  messages: StreamMessage[];
  /** The events, not `ready` / `reset`. */
  events(): StreamMessage[];
  /** The id of the last message received (what a client resumes from). */
  lastId(): string | undefined;
  /** When the stream ended (performance.now()), undefined while it is open. */
  endedAt(): number | undefined;
  /** Resolves once `predicate` holds; throws when the stream ends first or after `timeoutMs`. */
  until(predicate: (messages: StreamMessage[]) => boolean, timeoutMs: number): Promise<void>;
  /** Resolves once the stream has ended (by the server or the network), within `timeoutMs`. */
  ended(timeoutMs: number): Promise<number>;
  close(): Promise<void>;
};

export async function openStream(
  baseUrl: string,
  token: string,
  {
    lastEventId,
    timeoutMs = 10_000,
  }: { lastEventId?: string | undefined; timeoutMs?: number } = {},
): Promise<EventStream> {
  const requestId = `stream-${randomUUID()}`;
  const controller = new AbortController();
  const opening = setTimeout(() => controller.abort(), timeoutMs);
  const response = await fetch(`${baseUrl}/api/v1/events`, {
    headers: {
      authorization: `Bearer ${token}`,
      'x-request-id': requestId,
      ...(lastEventId === undefined ? {} : { 'last-event-id': lastEventId }),
    },
    signal: controller.signal,
  }).finally(() => clearTimeout(opening));
  const messages: StreamMessage[] = [];
  let endedAt: number | undefined;
  const waiting = new Set<() => void>();
  const changed = () => {
    for (const wake of waiting) wake();
    waiting.clear();
  };
  const parser = createParser({
    onEvent(event) {
      const data = JSON.parse(event.data) as { workspaceId?: string | null };
      messages.push({
        id: event.id ?? '',
        type: event.event ?? 'message',
        workspaceId: data.workspaceId,
      });
      changed();
    },
  });
  const done = (async () => {
    try {
      if (!response.ok || !response.body) return;
      const decoder = new TextDecoder();
      for await (const chunk of response.body) parser.feed(decoder.decode(chunk, { stream: true }));
    } catch {
      // Cut by the network (the instance died) or closed here.
    } finally {
      endedAt = performance.now();
      changed();
    }
  })();

  const waitChange = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiting.delete(wake);
        resolve();
      }, ms);
      waiting.add(wake);
    });
  const types = () => messages.map((m) => `${m.type}#${m.id}`).slice(-10);

  return {
    requestId,
    status: response.status,
    messages,
    events: () => messages.filter((m) => m.type !== 'ready' && m.type !== 'reset'),
    lastId: () => messages.at(-1)?.id,
    endedAt: () => endedAt,
    async until(predicate, ms) {
      const deadline = performance.now() + ms;
      while (!predicate(messages)) {
        if (endedAt !== undefined) throw new Error(`the stream ended; last ${types()}`);
        const left = deadline - performance.now();
        if (left <= 0) throw new Error(`not within ${ms / 1000} s; last ${types()}`);
        await waitChange(left);
      }
    },
    async ended(ms) {
      const deadline = performance.now() + ms;
      while (endedAt === undefined) {
        const left = deadline - performance.now();
        if (left <= 0) throw new Error(`the stream still open after ${ms / 1000} s`);
        await waitChange(left);
      }
      return endedAt;
    },
    async close() {
      controller.abort();
      await done;
    },
  };
}

/** Whether the stream has said `ready` (or `reset`): the replay is over, live events follow. */
export const isReady = (messages: { type: string }[]) =>
  messages.some((m) => m.type === 'ready' || m.type === 'reset');
