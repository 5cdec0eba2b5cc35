import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';

export const twoFactorQueryOptions = queryOptions({
  queryKey: ['account', 'two-factor'],
  queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me/two-factor', { signal })),
});

export function useTwoFactor() {
  return useQuery(twoFactorQueryOptions);
}
