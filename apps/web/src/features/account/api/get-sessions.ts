import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';

export const sessionsQueryOptions = queryOptions({
  queryKey: ['account', 'sessions'],
  queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me/sessions', { signal })),
});

export function useSessions() {
  return useQuery(sessionsQueryOptions);
}
