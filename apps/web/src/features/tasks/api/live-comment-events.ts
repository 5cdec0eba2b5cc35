import type { QueryClient } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import { commentCache } from './comment-cache.ts';

type LiveEvent = components['schemas']['LiveEvent'];

/**
 * A live event about a task's comments, patched into its cached comments in place; any event
 * about a task or its comments refreshes that task's history, which the API writes with it.
 */
export function applyCommentEvent(queryClient: QueryClient, event: LiveEvent): void {
  const { workspaceId } = event;
  if (!workspaceId) return;
  switch (event.type) {
    case 'comment.created':
    case 'comment.updated': {
      const { comment } = event.data;
      const cache = commentCache(queryClient, workspaceId, comment.taskId);
      cache.put(comment);
      cache.refreshHistory();
      return;
    }
    case 'comment.deleted': {
      const cache = commentCache(queryClient, workspaceId, event.data.taskId);
      cache.remove(event.data.commentId);
      cache.refreshHistory();
      return;
    }
    case 'task.created':
    case 'task.updated':
    case 'task.restored':
      commentCache(queryClient, workspaceId, event.data.task.id).refreshHistory();
      return;
    case 'task.deleted':
      commentCache(queryClient, workspaceId, event.data.taskId).refreshHistory();
      return;
    default:
      return;
  }
}
