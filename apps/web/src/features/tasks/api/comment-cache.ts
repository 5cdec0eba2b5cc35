import type { QueryClient } from '@tanstack/react-query';
import { putComment, removeComment } from '../model/comment-pages.ts';
import type { Comment, CommentPages } from '../model/comment-types.ts';
import { taskKeys } from './task-keys.ts';

/** Writes to the cached comments of one task, and the refresh of its history they call for. */
export function commentCache(queryClient: QueryClient, workspaceId: string, taskId: string) {
  const key = taskKeys.comments(workspaceId, taskId);
  const update = (change: (data: CommentPages) => CommentPages) =>
    queryClient.setQueryData<CommentPages>(key, (data) => (data ? change(data) : data));
  return {
    put: (comment: Comment) => update((data) => putComment(data, comment)),
    remove: (commentId: string) => update((data) => removeComment(data, commentId)),
    refreshHistory: () =>
      void queryClient.invalidateQueries({ queryKey: taskKeys.history(workspaceId, taskId) }),
  };
}
