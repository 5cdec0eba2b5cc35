import { Card } from '../../../components/card.tsx';
import { InviteByEmailForm } from './invite-by-email-form.tsx';
import { InviteLinkForm } from './invite-link-form.tsx';
import { PendingInvitations } from './pending-invitations.tsx';

/** Owners invite people, with or without an account, and see who has not joined yet. */
export function InvitePeopleCard({ workspaceId }: { workspaceId: string }) {
  return (
    <Card
      title="Invite people"
      description="Invite by email, or share a link that expires. People without an account can create one from the invitation."
      testId="invite-people"
    >
      <div className="space-y-8">
        <InviteByEmailForm workspaceId={workspaceId} />
        <InviteLinkForm workspaceId={workspaceId} />
        <PendingInvitations workspaceId={workspaceId} />
      </div>
    </Card>
  );
}
