import { useEffect, useEffectEvent, useSyncExternalStore } from 'react';
import { liveStream } from '../api/live-stream.ts';
import { type LiveHandler, type LiveStatus, whenLive } from '../model/live-hub.ts';

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

/** Runs `onLive` (its latest render's) each time the stream is up, at first and after a drop. */
export function useWhenLive(onLive: () => void): void {
  const run = useEffectEvent(onLive);
  useEffect(() => whenLive(liveStream, () => run()), []);
}
