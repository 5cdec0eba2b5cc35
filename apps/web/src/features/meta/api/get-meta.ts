import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';

const metaQueryOptions = queryOptions({
  queryKey: ['meta'],
  queryFn: ({ signal }) => unwrap(api.GET('/api/v1/meta', { signal })),
});

export function useMeta() {
  return useQuery(metaQueryOptions);
}
