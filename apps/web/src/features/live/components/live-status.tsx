import { useLiveStatus } from '../hooks/use-live-stream.ts';

/**
 * Says so while live updates are down. The live region is always there, empty while the stream
 * is up, so that screen readers announce the change when the text appears. The notice floats at
 * the bottom-left corner (toasts take the right) instead of standing in the header, whose size,
 * and so the page below it, must not change when the connection does.
 */
export function LiveStatus() {
  const status = useLiveStatus();
  return (
    <div
      role="status"
      className="fixed bottom-4 left-4 z-50 max-w-[calc(100vw-2rem)]"
      data-testid="live-status"
      data-state={status}
    >
      {status === 'disconnected' && (
        <span className="inline-flex items-center gap-2 rounded-full bg-amber-100 px-3 py-1 text-xs font-medium text-amber-900 shadow-md dark:bg-amber-950 dark:text-amber-200">
          <span
            aria-hidden="true"
            className="h-2 w-2 shrink-0 rounded-full bg-amber-600 dark:bg-amber-400"
          />
          Live updates disconnected. Reconnecting…
        </span>
      )}
    </div>
  );
}
