import { createFileRoute, notFound, redirect } from '@tanstack/react-router';
import { workspacesQueryOptions } from '../../../features/workspaces/api/get-workspaces.ts';
import { landingWorkspace } from '../../../features/workspaces/model/last-workspace.ts';

/** `/w`: where signing in lands; opens the board last used, else the personal one. */
export const Route = createFileRoute('/_authenticated/w/')({
  loader: async ({ context: { queryClient } }) => {
    const { items } = await queryClient.ensureQueryData(workspacesQueryOptions);
    const landing = landingWorkspace(items);
    if (!landing) throw notFound();
    throw redirect({ to: '/w/$workspaceId', params: { workspaceId: landing.id }, replace: true });
  },
});
