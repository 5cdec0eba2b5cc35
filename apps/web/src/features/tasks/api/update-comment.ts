import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import { ApiError } from '../../../api/api-error.ts';
import { api, unwrap } from '../../../api/client.ts';
import type { Comment } from '../model/comment-types.ts';
import { commentCache } from './comment-cache.ts';

type ConflictProblem = components['schemas']['CommentConflictProblem'];

/** The comment as it is now on the server, when `error` is a 412 refusing a stale edit. */
export function commentConflictOf(error: unknown): Comment | undefined {
  if (!(error instanceof ApiError) || error.code !== 'PRECONDITION_FAILED') return undefined;
  const current = (error.problem as Partial<ConflictProblem> | undefined)?.current;
  return current && typeof current.id === 'string' && typeof current.version === 'number'
    ? current
    : undefined;
}

/**
 * Edits a comment on the version it was read at (If-Match): a 412 brings the current comment into
 * the cache and to the caller, who shows it and lets the person send their text again.
 */
export function useUpdateComment(workspaceId: string, taskId: string) {
  const queryClient = useQueryClient();
  const cache = commentCache(queryClient, workspaceId, taskId);
  return useMutation({
    mutationFn: ({ comment, body }: { comment: Comment; body: string }) =>
      unwrap(
        api.PATCH('/api/v1/workspaces/{workspaceId}/tasks/{taskId}/comments/{commentId}', {
          params: {
            path: { workspaceId, taskId, commentId: comment.id },
            header: { 'if-match': `"${comment.version}"` },
          },
          body: { body },
        }),
      ),
    onSuccess: (comment) => cache.put(comment),
    onError: (error) => {
      const current = commentConflictOf(error);
      if (current) cache.put(current);
    },
  });
}
