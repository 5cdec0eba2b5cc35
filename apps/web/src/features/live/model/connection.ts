import { ApiError } from '../../../api/api-error.ts';
import { reconnectDelay } from './backoff.ts';
import type { LiveHub, LiveMessage, LiveStatus } from './live-hub.ts';
import { createMessageParser, type StreamMessage } from './stream-messages.ts';

/** Opens the stream after `lastEventId` (from the start when null); rejects with its failure. */
export type OpenStream = (
  lastEventId: string | null,
  signal: AbortSignal,
) => Promise<ReadableStream<Uint8Array>>;

/** Resolves after `ms`, or sooner (the network is back, the run stopped); never rejects. */
type Wait = (ms: number, signal: AbortSignal) => Promise<void>;

/** Until the server says otherwise with `retry:`. */
const DEFAULT_RETRY_MS = 2_000;

const retryAfterMs = (error: unknown) =>
  error instanceof ApiError && error.retryAfterSeconds !== undefined
    ? error.retryAfterSeconds * 1000
    : 0;

async function readAll(body: ReadableStream<Uint8Array>, feed: (text: string) => void) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      feed(decoder.decode(value, { stream: true }));
    }
  } catch (error) {
    // Closes the connection when the failure is ours (a message too large), not the network's.
    await reader.cancel().catch(() => undefined);
    throw error;
  }
}

/**
 * The stream of one tab: connects, hands each message to the hub, and reconnects from the last
 * event id for as long as it runs. A clean end (the access token expired, the server restarts)
 * reconnects after the server's `retry:`, which is 0 for an expired token; a failure backs off.
 */
export function createConnection({
  open,
  hub,
  wait,
  random = Math.random,
}: {
  open: OpenStream;
  hub: Pick<LiveHub, 'dispatch' | 'setStatus'>;
  wait: Wait;
  random?: () => number;
}) {
  let run: AbortController | null = null;

  async function loop(signal: AbortSignal) {
    // A stopped run must not touch the hub, which the next run already owns.
    const setStatus = (status: LiveStatus) => {
      if (!signal.aborted) hub.setStatus(status);
    };
    const dispatch = (message: LiveMessage) => {
      if (!signal.aborted) hub.dispatch(message);
    };
    let lastEventId: string | null = null;
    let retryMs = DEFAULT_RETRY_MS;
    let failures = 0;
    let attempts = 0;

    while (!signal.aborted) {
      // Without an id to resume from, only the first connection matches what the page loaded
      // alongside it; a later one may follow missed events, so its cache must be refreshed.
      const resync = lastEventId === null && attempts > 0;
      attempts += 1;
      let ready = false;
      const onMessage = (message: StreamMessage) => {
        lastEventId = message.id;
        if (message.type !== 'ready' && message.type !== 'reset') {
          dispatch(message);
          return;
        }
        ready = true;
        failures = 0;
        setStatus('live');
        if (message.type === 'reset' || resync) dispatch({ type: 'resync' });
      };
      let delay: number;
      try {
        const body = await open(lastEventId, signal);
        const parser = createMessageParser({ onMessage, onRetry: (ms) => (retryMs = ms) });
        await readAll(body, parser.feed);
        if (!ready) throw new Error('The event stream ended before it was ready');
        setStatus('connecting');
        delay = retryMs;
      } catch (error) {
        if (signal.aborted) return;
        failures += 1;
        setStatus('disconnected');
        delay = reconnectDelay(failures, retryMs, { atLeastMs: retryAfterMs(error), random });
      }
      await wait(delay, signal);
    }
  }

  return {
    /** Idempotent: a running stream keeps running. */
    start() {
      if (run) return;
      run = new AbortController();
      hub.setStatus('connecting');
      void loop(run.signal);
    },
    /** Ends the connection; the next start begins afresh, with no id to resume from. */
    stop() {
      run?.abort();
      run = null;
      hub.setStatus('disconnected');
    },
  };
}
