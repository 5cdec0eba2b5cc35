import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { commentCache } from './comment-cache.ts';

/** Posts a comment; it joins the cached list when the API has it (the live event may come first). */
export function useCreateComment(workspaceId: string, taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspaceId}/tasks/{taskId}/comments', {
          params: { path: { workspaceId, taskId } },
          body: { body },
        }),
      ),
    onSuccess: (comment) => {
      const cache = commentCache(queryClient, workspaceId, taskId);
      cache.put(comment);
      cache.refreshHistory();
    },
  });
}
