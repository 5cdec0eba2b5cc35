import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { type PollRates, visibilityPolling } from '../../../lib/poll-interval.ts';
import { adminKeys } from './admin-keys.ts';

/** An operator watching the panel wants fresh figures; a forgotten tab should cost little. */
export const HEALTH_POLLING = { visible: 10_000, hidden: 60_000 } as const satisfies PollRates;

export const healthQueryOptions = queryOptions({
  queryKey: adminKeys.health(),
  queryFn: ({ signal }) => unwrap(api.GET('/api/v1/health/detailed', { signal })),
  refetchInterval: visibilityPolling(HEALTH_POLLING),
  // Hidden tabs poll too, only slower.
  refetchIntervalInBackground: true,
  // Stale before the next poll, so coming back to the tab refetches at once (and speeds up).
  staleTime: 5_000,
});

export function useDetailedHealth() {
  return useQuery(healthQueryOptions);
}
