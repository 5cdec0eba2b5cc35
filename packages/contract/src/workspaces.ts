import { z } from 'zod';
import { Email, User } from './auth.ts';
import { requestBody } from './named.ts';
import { listOf } from './pagination.ts';
import { requiredText } from './text.ts';

/** Owners manage the workspace and its members; members work on its tasks. */
export const WorkspaceRole = z.enum(['owner', 'member']).meta({ id: 'WorkspaceRole' });
export type WorkspaceRole = z.infer<typeof WorkspaceRole>;

export const WorkspaceName = requiredText(100, 'Enter a name');

/** The most workspaces one user can belong to, and the most members one workspace can have. */
export const MAX_WORKSPACES_PER_USER = 200;
export const MAX_MEMBERS_PER_WORKSPACE = 500;

export const Workspace = z
  .object({
    id: z.uuid(),
    name: z.string().max(100),
    personal: z
      .boolean()
      .describe('The workspace every user gets at registration; it cannot be deleted'),
    role: WorkspaceRole.describe('The caller’s role in this workspace'),
    createdBy: z
      .uuid()
      .nullable()
      .describe('Who created it; for a personal workspace, the user it belongs to'),
    memberCount: z.int().min(1).max(MAX_MEMBERS_PER_WORKSPACE),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Workspace' });
export type Workspace = z.infer<typeof Workspace>;

export const WorkspaceList = listOf(Workspace, MAX_WORKSPACES_PER_USER).meta({
  id: 'WorkspaceList',
});

export const CreateWorkspaceBody = requestBody('CreateWorkspaceBody', { name: WorkspaceName });
export type CreateWorkspaceBody = z.input<typeof CreateWorkspaceBody>;

export const UpdateWorkspaceBody = requestBody('UpdateWorkspaceBody', { name: WorkspaceName });
export type UpdateWorkspaceBody = z.input<typeof UpdateWorkspaceBody>;

export const WorkspaceParams = z.object({ workspaceId: z.uuid() });

export const Member = z
  .object({
    userId: User.shape.id,
    name: User.shape.name,
    email: User.shape.email,
    role: WorkspaceRole,
    joinedAt: z.iso.datetime(),
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof Member>;

export const MemberList = listOf(Member, MAX_MEMBERS_PER_WORKSPACE).meta({ id: 'MemberList' });

export const AddMemberBody = requestBody('AddMemberBody', {
  email: Email,
  role: WorkspaceRole.default('member'),
});
export type AddMemberBody = z.input<typeof AddMemberBody>;

export const UpdateMemberBody = requestBody('UpdateMemberBody', { role: WorkspaceRole });
export type UpdateMemberBody = z.input<typeof UpdateMemberBody>;

export const MemberParams = z.object({ workspaceId: z.uuid(), userId: z.uuid() });
