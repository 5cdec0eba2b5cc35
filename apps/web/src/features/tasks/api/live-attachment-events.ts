import type { QueryClient } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import { attachmentCache } from './attachment-cache.ts';

type LiveEvent = components['schemas']['LiveEvent'];

/**
 * A live event about a task's files. Events carry no links (they are short-lived and signed for
 * whoever lists them), so the task's list is fetched again; a new or removed file also shows in
 * the task's history. An update (its thumbnail was made) changes nothing in the history.
 */
export function applyAttachmentEvent(queryClient: QueryClient, event: LiveEvent): void {
  const { workspaceId } = event;
  if (!workspaceId) return;
  switch (event.type) {
    case 'attachment.created': {
      const cache = attachmentCache(queryClient, workspaceId, event.data.taskId);
      cache.refresh();
      cache.refreshHistory();
      return;
    }
    case 'attachment.updated':
      attachmentCache(queryClient, workspaceId, event.data.taskId).refresh();
      return;
    case 'attachment.deleted': {
      const cache = attachmentCache(queryClient, workspaceId, event.data.taskId);
      cache.remove(event.data.attachmentId);
      cache.refresh();
      cache.refreshHistory();
      return;
    }
    default:
      return;
  }
}
