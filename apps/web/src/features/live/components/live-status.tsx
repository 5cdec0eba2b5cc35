import { useLiveStatus } from '../hooks/use-live-stream.ts';

/**
 * Says so while live updates are down. The live region is always there, empty while the stream
 * is up, so that screen readers announce the change when the text appears.
 */
export function LiveStatus() {
  const status = useLiveStatus();
  return (
    <div role="status" data-testid="live-status" data-state={status}>
      {status === 'disconnected' && (
        <span className="ml-3 inline-flex items-center gap-2 rounded-full bg-amber-100 px-3 py-1 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          <span
            aria-hidden="true"
            className="h-2 w-2 rounded-full bg-amber-600 dark:bg-amber-400"
          />
          Live updates disconnected. Reconnecting…
        </span>
      )}
    </div>
  );
}
