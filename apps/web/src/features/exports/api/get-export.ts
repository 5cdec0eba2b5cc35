import { queryOptions, useQuery } from '@tanstack/react-query';
import { getByPath } from '../../../api/client.ts';
import { exportPollInterval } from '../model/export-path.ts';
import type { ExportIds } from '../model/export-types.ts';
import { exportKeys } from './export-keys.ts';

/** An export and whether it is ready; polled while pending, as a fallback to the live event. */
export function exportQueryOptions(ids: ExportIds) {
  return queryOptions({
    queryKey: exportKeys.detail(ids),
    queryFn: ({ signal }) =>
      getByPath('/api/v1/workspaces/{workspaceId}/exports/{exportId}', ids, signal),
    refetchInterval: (query) => exportPollInterval(query.state.data?.status),
  });
}

const none: ExportIds = { workspaceId: '', exportId: '' };

/** The export, once there is one to follow (`null`: none asked for yet). */
export function useExport(ids: ExportIds | null) {
  return useQuery({ ...exportQueryOptions(ids ?? none), enabled: ids !== null });
}
