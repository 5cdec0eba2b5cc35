import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { cursorPagedGet } from '../../../api/cursor-pages.ts';

export const trashKey = (workspaceId: string) => ['workspaces', workspaceId, 'trash'] as const;

const trashQueryOptions = (workspaceId: string) =>
  infiniteQueryOptions({
    queryKey: trashKey(workspaceId),
    ...cursorPagedGet('/api/v1/workspaces/{workspaceId}/trash', { path: { workspaceId } }),
    // Deletions elsewhere are not announced here: each visit shows the trash as it is.
    staleTime: 0,
  });

/** The workspace's deleted tasks that can still be restored, most recently deleted first. */
export function useTrash(workspaceId: string) {
  return useInfiniteQuery(trashQueryOptions(workspaceId));
}
