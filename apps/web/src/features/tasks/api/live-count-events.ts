import type { QueryClient } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import { taskCache } from './task-cache.ts';

type LiveEvent = components['schemas']['LiveEvent'];

/**
 * A comment or file added to a task or taken from it, counted on the task's card in every cached
 * list, without a refetch. Edits (`comment.updated`, `attachment.updated`) change no count.
 */
export function applyCountEvent(queryClient: QueryClient, event: LiveEvent): void {
  const { workspaceId } = event;
  if (!workspaceId) return;
  const cache = taskCache(queryClient, workspaceId);
  switch (event.type) {
    case 'comment.created':
      cache.addToCount(event.data.comment.taskId, 'comments', 1);
      return;
    case 'comment.deleted':
      cache.addToCount(event.data.taskId, 'comments', -1);
      return;
    case 'attachment.created':
      cache.addToCount(event.data.taskId, 'attachments', 1);
      return;
    case 'attachment.deleted':
      cache.addToCount(event.data.taskId, 'attachments', -1);
      return;
    default:
      return;
  }
}
