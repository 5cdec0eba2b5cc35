import { queryOptions, useQuery } from '@tanstack/react-query';
import { getData } from '../../../api/client.ts';

/** The browser's time zone: "today" on My work is the user's own day. */
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

const workKeys = { all: ['me', 'work'] as const };

export const myWorkKey = workKeys.all;

const myWorkQueryOptions = (tz: string) =>
  queryOptions({
    queryKey: [...workKeys.all, tz],
    queryFn: ({ signal }) => getData('/api/v1/me/work', { query: { tz } }, signal),
  });

/** My open tasks across workspaces by due date, and followed tasks others changed. */
export function useMyWork() {
  return useQuery(myWorkQueryOptions(browserTimeZone()));
}
