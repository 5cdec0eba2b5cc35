import { queryOptions, useQuery } from '@tanstack/react-query';
import { getByPath } from '../../../api/client.ts';
import { linksRefreshIn } from '../model/attachment-list.ts';
import { taskKeys } from './task-keys.ts';

const attachmentsQueryOptions = (workspaceId: string, taskId: string) =>
  queryOptions({
    queryKey: taskKeys.attachments(workspaceId, taskId),
    queryFn: ({ signal }) =>
      getByPath(
        '/api/v1/workspaces/{workspaceId}/tasks/{taskId}/attachments',
        { workspaceId, taskId },
        signal,
      ),
    // The links in the list are short-lived: new ones are fetched before they expire.
    refetchInterval: (query) =>
      query.state.data ? linksRefreshIn(query.state.data, Date.now()) : false,
  });

/** A task's files (oldest first), the workspace's usage, and what an upload may be. */
export function useAttachments(workspaceId: string, taskId: string) {
  return useQuery(attachmentsQueryOptions(workspaceId, taskId));
}
