import { createConnection } from '../model/connection.ts';
import { createLiveHub } from '../model/live-hub.ts';
import { openEventStream } from './stream-events.ts';

/** Resolves after `ms`, or at once when the browser is back online or the stream is stopped. */
function waitToReconnect(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener('online', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    window.addEventListener('online', done);
    signal.addEventListener('abort', done);
  });
}

const hub = createLiveHub();
const connection = createConnection({ open: openEventStream, hub, wait: waitToReconnect });

/**
 * The tab's one stream, shared by every feature: each subscribes its handler, and the app
 * starts it once signed in and stops it on sign-out.
 */
export const liveStream = {
  subscribe: hub.subscribe,
  getStatus: hub.getStatus,
  subscribeStatus: hub.subscribeStatus,
  start: connection.start,
  stop: connection.stop,
};
