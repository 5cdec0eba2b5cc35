import { createFileRoute, notFound, redirect } from '@tanstack/react-router';
import { getData } from '../../../api/client.ts';
import { workspacesQueryOptions } from '../../../features/workspaces/api/get-workspaces.ts';
import {
  landingWorkspace,
  personalToCheck,
} from '../../../features/workspaces/model/last-workspace.ts';

/** Whether a workspace has no live task; on any failure, as if it had some. */
async function isEmpty(workspaceId: string, signal: AbortSignal) {
  try {
    const page = await getData(
      '/api/v1/workspaces/{workspaceId}/tasks',
      { path: { workspaceId }, query: { limit: 1 } },
      signal,
    );
    return page.items.length === 0;
  } catch {
    return false;
  }
}

/**
 * `/w`: where signing in lands; opens the board last used, else the personal one, else (when
 * that is empty) a shared one, as the demo account's team.
 */
export const Route = createFileRoute('/_authenticated/w/')({
  loader: async ({ context: { queryClient }, abortController }) => {
    const { items } = await queryClient.ensureQueryData(workspacesQueryOptions);
    const personal = personalToCheck(items);
    const empty = personal ? await isEmpty(personal, abortController.signal) : false;
    const landing = landingWorkspace(items, empty);
    if (!landing) throw notFound();
    throw redirect({ to: '/w/$workspaceId', params: { workspaceId: landing.id }, replace: true });
  },
});
