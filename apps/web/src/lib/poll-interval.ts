/** How often to poll while the tab is visible, and while it is hidden (`false`: not at all). */
export type PollRates = { visible: number; hidden: number | false };

/** The interval for a tab in the given visibility state. */
export function pollInterval(
  visibility: DocumentVisibilityState,
  rates: PollRates,
): number | false {
  return visibility === 'hidden' ? rates.hidden : rates.visible;
}

/**
 * A `refetchInterval` for TanStack Query that reads the tab's visibility each time the query
 * settles, so polling slows down once the tab is hidden and speeds up again when it is shown
 * (the refetch on focus of a stale query restarts the faster timer at once). Pair it with
 * `refetchIntervalInBackground: true`, or a hidden tab would not poll at all.
 */
export function visibilityPolling(rates: PollRates): () => number | false {
  return () => pollInterval(document.visibilityState, rates);
}
