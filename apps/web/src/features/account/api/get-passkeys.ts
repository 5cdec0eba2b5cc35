import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';

export const passkeysQueryOptions = queryOptions({
  queryKey: ['account', 'passkeys'],
  queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me/passkeys', { signal })),
});

export function usePasskeys() {
  return useQuery(passkeysQueryOptions);
}
