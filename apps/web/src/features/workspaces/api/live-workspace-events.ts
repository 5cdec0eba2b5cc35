import type { QueryClient } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import { lostWorkspace } from '../model/lost-workspace.ts';
import { membersQueryOptions } from './get-members.ts';
import { forgetWorkspace, workspacesQueryOptions } from './get-workspaces.ts';
import { workspaceKeys } from './workspace-keys.ts';

type LiveEvent = components['schemas']['LiveEvent'];
type Workspace = components['schemas']['Workspace'];
type Member = components['schemas']['Member'];

function updateWorkspace(queryClient: QueryClient, id: string, change: Partial<Workspace>) {
  queryClient.setQueryData(workspacesQueryOptions.queryKey, (list) =>
    list ? { items: list.items.map((w) => (w.id === id ? { ...w, ...change } : w)) } : list,
  );
}

function updateMembers(
  queryClient: QueryClient,
  workspaceId: string,
  change: (members: Member[]) => Member[],
) {
  queryClient.setQueryData(membersQueryOptions(workspaceId).queryKey, (list) =>
    list ? { items: change(list.items) } : list,
  );
}

/**
 * A live event about workspaces and their members. What the event carries is patched in; what
 * it does not (the caller's role in a new workspace, member counts, the members' order) is
 * refetched.
 */
export function applyWorkspaceEvent(queryClient: QueryClient, event: LiveEvent, userId: string) {
  const list = { queryKey: workspacesQueryOptions.queryKey };
  const lost = lostWorkspace(event, userId);
  if (lost) {
    forgetWorkspace(queryClient, lost);
    return;
  }
  switch (event.type) {
    case 'workspace.created':
      void queryClient.invalidateQueries(list);
      return;
    case 'workspace.updated': {
      const { id, name, updatedAt } = event.data.workspace;
      updateWorkspace(queryClient, id, { name, updatedAt });
      return;
    }
    case 'member.added':
      if (event.workspaceId) {
        void queryClient.invalidateQueries({ queryKey: workspaceKeys.members(event.workspaceId) });
      }
      void queryClient.invalidateQueries(list);
      return;
    case 'member.updated': {
      const { member } = event.data;
      if (!event.workspaceId) return;
      updateMembers(queryClient, event.workspaceId, (members) =>
        members.map((m) => (m.userId === member.userId ? member : m)),
      );
      if (member.userId === userId)
        updateWorkspace(queryClient, event.workspaceId, { role: member.role });
      return;
    }
    case 'member.removed':
      if (!event.workspaceId) return;
      updateMembers(queryClient, event.workspaceId, (members) =>
        members.filter((m) => m.userId !== event.data.userId),
      );
      void queryClient.invalidateQueries(list);
      return;
    default:
      return;
  }
}
