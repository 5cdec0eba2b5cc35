import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { api, unwrap } from '../../../api/client.ts';
import { humanMessage } from '../../../api/error-message.ts';
import { taskFollowQueryOptions } from './get-task-follow.ts';

/** Follow (PUT) or stop following (DELETE); optimistic, and back as it was if the API refuses. */
export function useSetTaskFollow(workspaceId: string, taskId: string) {
  const queryClient = useQueryClient();
  const { queryKey } = taskFollowQueryOptions(workspaceId, taskId);
  return useMutation({
    mutationFn: (following: boolean) => {
      const params = { params: { path: { workspaceId, taskId } } };
      const path = '/api/v1/workspaces/{workspaceId}/tasks/{taskId}/follow';
      return unwrap(following ? api.PUT(path, params) : api.DELETE(path, params));
    },
    onMutate: async (following) => {
      await queryClient.cancelQueries({ queryKey });
      const before = queryClient.getQueryData(queryKey);
      queryClient.setQueryData(queryKey, { following });
      return { before };
    },
    onError: (error, _following, context) => {
      queryClient.setQueryData(queryKey, context?.before);
      toast.error(humanMessage(error));
    },
    onSuccess: (follow) => queryClient.setQueryData(queryKey, follow),
  });
}
