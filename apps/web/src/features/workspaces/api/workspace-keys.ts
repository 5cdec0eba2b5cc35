/** Keys of the workspaces feature; a workspace's own queries all start with `workspace(id)`. */
export const workspaceKeys = {
  list: () => ['workspaces', 'list'] as const,
  workspace: (workspaceId: string) => ['workspaces', workspaceId] as const,
  members: (workspaceId: string) => [...workspaceKeys.workspace(workspaceId), 'members'] as const,
};
