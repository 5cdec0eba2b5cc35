import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { adminKeys } from './admin-keys.ts';

/** The backups of the embedded database, newest first, with the schedule that takes them. */
export const backupsQueryOptions = queryOptions({
  queryKey: adminKeys.backups(),
  queryFn: ({ signal }) => unwrap(api.GET('/api/v1/admin/backups', { signal })),
});

export function useBackups() {
  return useQuery(backupsQueryOptions);
}
