/** Where the delays stop growing: a server that is down for long is asked twice a minute. */
export const MAX_RECONNECT_DELAY_MS = 30_000;

/**
 * The least a failure waits for: the server's `retry:` can be 0 (sent when an access token
 * expires, to come back at once), which must not turn failures that follow into a busy loop.
 */
export const MIN_BACKOFF_MS = 1_000;

/**
 * How long to wait before the next connection after `failures` failed ones in a row (1 or more):
 * the server's `retry:` doubled per failure, capped, with "equal jitter" (half fixed, half
 * random) so that tabs dropped together by a restart do not all come back at the same instant.
 * `atLeastMs` is a wait the server asked for (Retry-After), which the jitter never shortens.
 */
export function reconnectDelay(
  failures: number,
  retryMs: number,
  { atLeastMs = 0, random = Math.random }: { atLeastMs?: number; random?: () => number } = {},
): number {
  const base = Math.max(retryMs, MIN_BACKOFF_MS);
  const ceiling = Math.min(MAX_RECONNECT_DELAY_MS, base * 2 ** Math.max(0, failures - 1));
  const jittered = Math.round(ceiling / 2 + (random() * ceiling) / 2);
  return Math.max(jittered, atLeastMs);
}
