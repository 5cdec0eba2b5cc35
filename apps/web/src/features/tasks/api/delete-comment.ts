import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { commentCache } from './comment-cache.ts';

/** Deletes a comment (its author, or an owner of the workspace). */
export function useDeleteComment(workspaceId: string, taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (commentId: string) =>
      unwrap(
        api.DELETE('/api/v1/workspaces/{workspaceId}/tasks/{taskId}/comments/{commentId}', {
          params: { path: { workspaceId, taskId, commentId } },
        }),
      ),
    onSuccess: (_result, commentId) => {
      const cache = commentCache(queryClient, workspaceId, taskId);
      cache.remove(commentId);
      cache.refreshHistory();
    },
  });
}
