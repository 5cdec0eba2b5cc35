import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import type { Job } from '../model/admin-types.ts';
import { adminKeys } from './admin-keys.ts';

function jobQueryOptions(id: string) {
  return queryOptions({
    queryKey: adminKeys.job(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/admin/jobs/{id}', { params: { path: { id } }, signal })),
    staleTime: 0,
  });
}

/** One job read afresh when its details are opened; the list's copy shows meanwhile. */
export function useJob(listed: Job) {
  return useQuery({ ...jobQueryOptions(listed.id), placeholderData: listed });
}
