import { createFileRoute, notFound } from '@tanstack/react-router';
import { membersQueryOptions } from '../../../../features/workspaces/api/get-members.ts';
import { isMemberOf } from '../../../../features/workspaces/api/get-workspaces.ts';
import { rememberWorkspace } from '../../../../features/workspaces/model/last-workspace.ts';

/** Every page of one workspace: another's, or one the caller has left, is "not found". */
export const Route = createFileRoute('/_authenticated/w/$workspaceId')({
  loader: async ({ context: { queryClient }, params: { workspaceId } }) => {
    // Asked for with the membership check rather than after it: a stranger's 404 goes unused.
    void queryClient.prefetchQuery(membersQueryOptions(workspaceId));
    if (!(await isMemberOf(queryClient, workspaceId))) throw notFound();
    rememberWorkspace(workspaceId);
  },
});
