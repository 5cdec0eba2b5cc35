import { z } from 'zod';
import { Email, noControlCharacters } from './auth.ts';

/** Owners manage the workspace and its members; members work on its tasks. */
export const WorkspaceRole = z.enum(['owner', 'member']).meta({ id: 'WorkspaceRole' });
export type WorkspaceRole = z.infer<typeof WorkspaceRole>;

export const WorkspaceName = z
  .string()
  .trim()
  .min(1, 'Enter a name')
  .max(100)
  .refine(noControlCharacters, 'Use printable characters only');

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

export const WorkspaceList = z
  .object({ items: z.array(Workspace).max(MAX_WORKSPACES_PER_USER) })
  .meta({ id: 'WorkspaceList' });

export const CreateWorkspaceBody = z
  .object({ name: WorkspaceName })
  .strict()
  .meta({ id: 'CreateWorkspaceBody' });
export type CreateWorkspaceBody = z.input<typeof CreateWorkspaceBody>;

export const UpdateWorkspaceBody = z
  .object({ name: WorkspaceName })
  .strict()
  .meta({ id: 'UpdateWorkspaceBody' });
export type UpdateWorkspaceBody = z.input<typeof UpdateWorkspaceBody>;

export const WorkspaceParams = z.object({ workspaceId: z.uuid() });

export const Member = z
  .object({
    userId: z.uuid(),
    name: z.string().max(100),
    email: z.string().max(254),
    role: WorkspaceRole,
    joinedAt: z.iso.datetime(),
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof Member>;

export const MemberList = z
  .object({ items: z.array(Member).max(MAX_MEMBERS_PER_WORKSPACE) })
  .meta({ id: 'MemberList' });

export const AddMemberBody = z
  .object({ email: Email, role: WorkspaceRole.default('member') })
  .strict()
  .meta({ id: 'AddMemberBody' });
export type AddMemberBody = z.input<typeof AddMemberBody>;

export const UpdateMemberBody = z
  .object({ role: WorkspaceRole })
  .strict()
  .meta({ id: 'UpdateMemberBody' });
export type UpdateMemberBody = z.input<typeof UpdateMemberBody>;

export const MemberParams = z.object({ workspaceId: z.uuid(), userId: z.uuid() });
