import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { ApiError } from '../../../api/api-error.ts';
import { api, unwrap } from '../../../api/client.ts';
import { humanMessage } from '../../../api/error-message.ts';
import { filenameFrom, saveFile } from '../../../lib/save-file.ts';
import { exportOfPath } from '../model/export-path.ts';
import type { ExportIds } from '../model/export-types.ts';
import { exportKeys } from './export-keys.ts';

/**
 * Fetches an export's CSV with the bearer token (a plain link would carry none) and saves it
 * under the name the API gives.
 */
async function downloadExport(ids: ExportIds): Promise<void> {
  const call = api.GET('/api/v1/workspaces/{workspaceId}/exports/{exportId}/download', {
    params: { path: ids },
    parseAs: 'blob',
  });
  const file = await unwrap(call);
  const { response } = await call;
  saveFile(file, filenameFrom(response.headers.get('Content-Disposition'), 'taskflow-tasks.csv'));
}

/** Downloads, explaining a failure (409 not ready or failed, 410 expired) in a toast. */
export function useDownloadExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: downloadExport,
    onError: (error, ids) => {
      toast.error(humanMessage(error));
      // The export's state has changed under us (expired, failed): show the new one.
      if (error instanceof ApiError && (error.status === 409 || error.status === 410)) {
        void queryClient.invalidateQueries({ queryKey: exportKeys.detail(ids), exact: true });
      }
    },
  });
}

/** Downloads the export an API path (a notification's link) points to. */
export function useDownloadExportLink(): (path: string) => void {
  const download = useDownloadExport();
  return (path) => {
    const ids = exportOfPath(path);
    if (ids) download.mutate(ids);
    else toast.error('This link cannot be opened here.');
  };
}
