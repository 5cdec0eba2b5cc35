import { once } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * Waits until `stream` can take more (`drain`) or is gone (`close`): true when it drained. The
 * listener of the event that did not come goes with the wait, so a long response that waits many
 * times (an event stream's replay) does not gather one per wait.
 */
export async function drainedOrClosed(stream: Writable): Promise<boolean> {
  const settled = new AbortController();
  const { signal } = settled;
  try {
    const drained = once(stream, 'drain', { signal }).then(() => true);
    const closed = once(stream, 'close', { signal }).then(() => false);
    return await Promise.race([drained, closed]);
  } finally {
    settled.abort();
  }
}
