import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { api, unwrap } from '../../../api/client.ts';
import { humanMessage } from '../../../api/error-message.ts';
import type { ExportFilters } from '../model/export-types.ts';
import { exportQueryOptions } from './get-export.ts';

/**
 * Asks for an export of the tasks the filters keep (made in the background); its answer seeds
 * the export's query.
 */
export function useCreateExport(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (filters: ExportFilters) =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspaceId}/exports', {
          params: { path: { workspaceId }, query: filters },
        }),
      ),
    onSuccess: (made) => {
      const { queryKey } = exportQueryOptions({ workspaceId, exportId: made.id });
      queryClient.setQueryData(queryKey, made);
      // The export can be done, and its live event handled, before this answer arrives: read
      // it again as soon as a page shows it rather than wait for the next poll.
      return queryClient.invalidateQueries({ queryKey, exact: true, refetchType: 'none' });
    },
    onError: (error) => toast.error(humanMessage(error)),
  });
}
