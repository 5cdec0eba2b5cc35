import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';

export const accessTokensQueryOptions = queryOptions({
  queryKey: ['account', 'access-tokens'],
  queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me/access-tokens', { signal })),
});

export function useAccessTokens() {
  return useQuery(accessTokensQueryOptions);
}
