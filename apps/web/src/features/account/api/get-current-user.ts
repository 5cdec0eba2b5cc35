import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';

export const currentUserQueryOptions = queryOptions({
  queryKey: ['account', 'me'],
  queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me', { signal })),
});

export function useCurrentUser() {
  return useSuspenseQuery(currentUserQueryOptions);
}
