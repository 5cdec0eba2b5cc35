import type { QueryClient } from '@tanstack/react-query';
import { putAttachment, removeAttachment } from '../model/attachment-list.ts';
import type { Attachment, AttachmentList } from '../model/attachment-types.ts';
import { taskKeys } from './task-keys.ts';

/** Writes to the cached files of one task, and the refreshes a change to them calls for. */
export function attachmentCache(queryClient: QueryClient, workspaceId: string, taskId: string) {
  const key = taskKeys.attachments(workspaceId, taskId);
  const update = (change: (list: AttachmentList) => AttachmentList) =>
    queryClient.setQueryData<AttachmentList>(key, (list) => (list ? change(list) : list));
  return {
    put: (attachment: Attachment) => update((list) => putAttachment(list, attachment)),
    remove: (attachmentId: string) => update((list) => removeAttachment(list, attachmentId)),
    /** The files as the API has them now: new links, thumbnails, the workspace's usage. */
    refresh: () => void queryClient.invalidateQueries({ queryKey: key }),
    refreshHistory: () =>
      void queryClient.invalidateQueries({ queryKey: taskKeys.history(workspaceId, taskId) }),
  };
}
