import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { ApiError } from '../../../api/api-error.ts';
import { api, unwrap } from '../../../api/client.ts';
import { humanMessage } from '../../../api/error-message.ts';
import { filenameFrom, saveFile } from '../../../lib/save-file.ts';
import { backupsQueryOptions } from './get-backups.ts';

/**
 * Fetches a backup's archive with the bearer token (a plain link would carry none) and saves it
 * under the name the API gives.
 */
async function downloadBackup(name: string): Promise<void> {
  const call = api.GET('/api/v1/admin/backups/{name}/download', {
    params: { path: { name } },
    parseAs: 'blob',
  });
  const file = await unwrap(call);
  const { response } = await call;
  saveFile(file, filenameFrom(response.headers.get('Content-Disposition'), name));
}

/** Downloads a backup, explaining a failure in a toast. */
export function useDownloadBackup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: downloadBackup,
    onError: (error) => {
      toast.error(humanMessage(error));
      // Removed meanwhile (older than the last BACKUP_KEEP): show the list as it is now.
      if (error instanceof ApiError && error.status === 404) {
        void queryClient.invalidateQueries({ queryKey: backupsQueryOptions.queryKey });
      }
    },
  });
}
