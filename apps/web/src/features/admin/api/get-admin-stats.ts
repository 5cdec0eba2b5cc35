import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { adminKeys } from './admin-keys.ts';

/** Live task events refresh the figures at once; this catches the rest (others' workspaces, jobs). */
const STATS_REFRESH_MS = 15_000;

/** The browser's IANA time zone, so that "today" is the admin's day. */
function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * Totals, today's figures and the last 30 days. Polled only while the tab is visible (TanStack
 * Query skips the interval in a hidden tab and refetches on return).
 */
function adminStatsQueryOptions(timeZone: string) {
  return queryOptions({
    queryKey: adminKeys.statsIn(timeZone),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/admin/stats', { params: { query: { tz: timeZone } }, signal })),
    refetchInterval: STATS_REFRESH_MS,
    staleTime: 5_000,
  });
}

export function useAdminStats() {
  return useQuery(adminStatsQueryOptions(browserTimeZone()));
}
