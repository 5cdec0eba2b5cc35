import type { LiveEvent } from './stream-messages.ts';

/**
 * `connecting` until the first connection is ready and after a clean end; `disconnected` from a
 * failure until a connection is ready again, so a flapping stream does not flicker the indicator.
 */
export type LiveStatus = 'connecting' | 'live' | 'disconnected';

/** An event, or word that events were missed: whatever is cached may be stale. */
export type LiveMessage = LiveEvent | { type: 'resync' };

export type LiveHandler = (message: LiveMessage) => void;

/** The tab's subscribers to the stream, and its status, for any number of features and views. */
export function createLiveHub() {
  const handlers = new Set<LiveHandler>();
  const statusListeners = new Set<() => void>();
  let status: LiveStatus = 'disconnected';

  return {
    subscribe(handler: LiveHandler): () => void {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },

    /** Every handler gets every message: one that throws is reported, and the rest still run. */
    dispatch(message: LiveMessage): void {
      for (const handler of [...handlers]) {
        try {
          handler(message);
        } catch (error) {
          console.error('A live update handler failed', error);
        }
      }
    },

    getStatus: (): LiveStatus => status,

    subscribeStatus(listener: () => void): () => void {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },

    setStatus(next: LiveStatus): void {
      if (next === status) return;
      status = next;
      for (const listener of [...statusListeners]) listener();
    },
  };
}

export type LiveHub = ReturnType<typeof createLiveHub>;

/**
 * Calls `onLive` each time the stream becomes live (the first time, and again after any drop):
 * the moment the app knows the server answers again. Returns the way to stop.
 */
export function whenLive(
  hub: Pick<LiveHub, 'getStatus' | 'subscribeStatus'>,
  onLive: () => void,
): () => void {
  let previous = hub.getStatus();
  return hub.subscribeStatus(() => {
    const status = hub.getStatus();
    if (status === 'live' && previous !== 'live') onLive();
    previous = status;
  });
}
