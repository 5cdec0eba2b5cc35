import type { components } from '@taskflow/contract/openapi';
import { createParser } from 'eventsource-parser';

export type StreamMessage = components['schemas']['StreamMessage'];
export type LiveEvent = components['schemas']['LiveEvent'];

/** Far above any message of the API (a task is a few KiB): past this, the stream is broken. */
const MAX_MESSAGE_CHARS = 1_000_000;

function isMessage(value: unknown): value is StreamMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { id, type } = value as Record<string, unknown>;
  return typeof id === 'string' && typeof type === 'string';
}

function parseMessage(data: string): StreamMessage | undefined {
  try {
    const value: unknown = JSON.parse(data);
    return isMessage(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Turns the text of one connection, in chunks of any size, into its messages. A message that is
 * not the API's JSON is skipped: a newer server may send types this app does not know yet.
 * `feed` throws once a message outgrows the limit; the connection is then dropped.
 */
export function createMessageParser({
  onMessage,
  onRetry,
}: {
  onMessage: (message: StreamMessage) => void;
  onRetry: (ms: number) => void;
}) {
  return createParser({
    maxBufferSize: MAX_MESSAGE_CHARS,
    onEvent: ({ data }) => {
      const message = parseMessage(data);
      if (message) onMessage(message);
    },
    onRetry,
  });
}
