import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { api, unwrap } from '../../../api/client.ts';
import { humanMessage } from '../../../api/error-message.ts';
import { formatBytes } from '../../../lib/format-bytes.ts';
import { backupsQueryOptions } from './get-backups.ts';

/**
 * Takes a backup now (about a second). The list is read again before the mutation settles, so
 * the button says it is working until the new backup is listed; a refusal (one is already being
 * taken, or this is cluster mode) comes as a toast, and the list is read again to show why.
 */
export function useCreateBackup() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: backupsQueryOptions.queryKey });
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/admin/backups')),
    onSuccess: (backup) => {
      toast.success(`Backup taken (${formatBytes(backup.bytes)}).`);
      return refresh();
    },
    onError: (error) => {
      toast.error(humanMessage(error));
      return refresh();
    },
  });
}
