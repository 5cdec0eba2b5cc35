import { useEffect, useEffectEvent, useSyncExternalStore } from 'react';
import { liveStream } from '../api/live-stream.ts';
import type { LiveHandler, LiveStatus } from '../model/live-hub.ts';

/**
 * Runs the stream while mounted, with `handler` (always its latest render's) subscribed before
 * the connection starts, so that no message goes unhandled.
 */
export function useLiveStream(handler: LiveHandler): void {
  const onMessage = useEffectEvent(handler);
  useEffect(() => {
    const unsubscribe = liveStream.subscribe((message) => onMessage(message));
    liveStream.start();
    return () => {
      liveStream.stop();
      unsubscribe();
    };
  }, []);
}

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(liveStream.subscribeStatus, liveStream.getStatus);
}
