import { type QueryClient, queryOptions, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { workspaceKeys } from './workspace-keys.ts';

/** The caller's workspaces, personal first; one workspace is read from this list too. */
export const workspacesQueryOptions = queryOptions({
  queryKey: workspaceKeys.list(),
  queryFn: ({ signal }) => unwrap(api.GET('/api/v1/workspaces', { signal })),
  select: (list) => list.items,
});

export function useWorkspaces() {
  return useQuery(workspacesQueryOptions);
}

/** For pages whose loader has already made sure the workspace is in the list. */
export function useWorkspace(workspaceId: string) {
  const { data } = useSuspenseQuery(workspacesQueryOptions);
  return data.find((workspace) => workspace.id === workspaceId);
}

/**
 * Takes a workspace out of the cached list at once, before its pages are left: a page that
 * reads the list meanwhile (the landing redirect) must not send anyone back to it.
 */
export function forgetWorkspace(queryClient: QueryClient, workspaceId: string) {
  const { queryKey } = workspacesQueryOptions;
  queryClient.setQueryData(queryKey, (list) =>
    list ? { items: list.items.filter((w) => w.id !== workspaceId) } : list,
  );
  void queryClient.invalidateQueries({ queryKey });
}

/**
 * Whether the caller belongs to the workspace, by the cached list; a miss asks the API again,
 * for a workspace joined since the list was loaded.
 */
export async function isMemberOf(queryClient: QueryClient, workspaceId: string) {
  const listed = (list: { items: { id: string }[] }) =>
    list.items.some((workspace) => workspace.id === workspaceId);
  if (listed(await queryClient.ensureQueryData(workspacesQueryOptions))) return true;
  return listed(await queryClient.fetchQuery({ ...workspacesQueryOptions, staleTime: 0 }));
}
