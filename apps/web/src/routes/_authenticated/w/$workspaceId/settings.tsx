import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { NotFound } from '../../../../components/not-found.tsx';
import { TextLink } from '../../../../components/text-link.tsx';
import { useSession } from '../../../../features/auth/session/auth-context.tsx';
import { InvitePeopleCard } from '../../../../features/invitations/components/invite-people-card.tsx';
import { LabelsCard } from '../../../../features/tasks/components/labels-card.tsx';
import { useWorkspace } from '../../../../features/workspaces/api/get-workspaces.ts';
import { MembersCard } from '../../../../features/workspaces/components/members-card.tsx';
import { RenameWorkspaceForm } from '../../../../features/workspaces/components/rename-workspace-form.tsx';
import { WorkspaceDangerZone } from '../../../../features/workspaces/components/workspace-danger-zone.tsx';

export const Route = createFileRoute('/_authenticated/w/$workspaceId/settings')({
  component: SettingsPage,
});

/** Composes the workspace's settings with the signed-in user (features do not import each other). */
function SettingsPage() {
  const { workspaceId } = Route.useParams();
  const workspace = useWorkspace(workspaceId);
  const session = useSession();
  const navigate = useNavigate();
  if (!workspace || session.status !== 'signed-in') return <NotFound />;

  return (
    <section
      aria-labelledby="settings-title"
      className="space-y-6"
      data-testid="workspace-settings"
    >
      <div className="space-y-1">
        <h1 id="settings-title" className="text-2xl font-semibold">
          {workspace.name}: settings
        </h1>
        <TextLink to="/w/$workspaceId" params={{ workspaceId }} className="text-sm">
          Back to the board
        </TextLink>
      </div>
      {workspace.role === 'owner' && (
        <RenameWorkspaceForm key={workspace.name} workspace={workspace} />
      )}
      <MembersCard workspace={workspace} currentUserId={session.user.id} />
      <LabelsCard workspaceId={workspace.id} canManage={workspace.role === 'owner'} />
      {workspace.role === 'owner' && <InvitePeopleCard workspaceId={workspace.id} />}
      <WorkspaceDangerZone
        workspace={workspace}
        onGone={() => void navigate({ to: '/w', replace: true })}
      />
    </section>
  );
}
