import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { attachmentCache } from './attachment-cache.ts';

/** Removes a file from a task (its uploader, or an owner of the workspace). */
export function useDeleteAttachment(workspaceId: string, taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: string) =>
      unwrap(
        api.DELETE('/api/v1/workspaces/{workspaceId}/tasks/{taskId}/attachments/{attachmentId}', {
          params: { path: { workspaceId, taskId, attachmentId } },
        }),
      ),
    onSuccess: (_result, attachmentId) => {
      const cache = attachmentCache(queryClient, workspaceId, taskId);
      cache.remove(attachmentId);
      cache.refresh();
      cache.refreshHistory();
    },
  });
}
