/** Query keys of the invitations feature. */
export const invitationKeys = {
  pending: (workspaceId: string) => ['workspaces', workspaceId, 'invitations'] as const,
  preview: (token: string) => ['invitation-preview', token] as const,
};
