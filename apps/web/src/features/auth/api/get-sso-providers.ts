import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';

const ssoProvidersQueryOptions = queryOptions({
  queryKey: ['auth', 'sso-providers'],
  queryFn: ({ signal }) => unwrap(api.GET('/api/v1/auth/sso/providers', { signal })),
  // The server's configuration: it changes with a restart, not while a page is open.
  staleTime: 5 * 60_000,
});

export function useSsoProviders() {
  return useQuery(ssoProvidersQueryOptions);
}
