import type { components } from '@taskflow/contract/openapi';
import { useState } from 'react';
import { humanMessage } from '../../../api/error-message.ts';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { useMembers } from '../api/get-members.ts';
import { useRemoveMember } from '../api/remove-member.ts';
import { useUpdateMemberRole } from '../api/update-member-role.ts';
import { AddMemberForm } from './add-member-form.tsx';
import { MemberRow } from './member-row.tsx';

type Workspace = components['schemas']['Workspace'];
type Member = components['schemas']['Member'];

function MembersSkeleton() {
  return (
    <div aria-busy="true" data-testid="members-loading">
      <span className="sr-only">Loading the members…</span>
      <div
        className="h-24 animate-pulse rounded bg-slate-200 dark:bg-slate-800"
        aria-hidden="true"
      />
    </div>
  );
}

export function MembersCard({
  workspace,
  currentUserId,
}: {
  workspace: Workspace;
  currentUserId: string;
}) {
  const members = useMembers(workspace.id);
  const changeRole = useUpdateMemberRole(workspace.id);
  const remove = useRemoveMember(workspace.id);
  const [removing, setRemoving] = useState<Member | null>(null);
  const manage = workspace.role === 'owner';

  return (
    <Card
      title="Members"
      description={
        manage
          ? 'Owners manage the workspace and its members; members work on its tasks.'
          : undefined
      }
      testId="members"
    >
      {members.isPending && <MembersSkeleton />}
      {members.isError && (
        <div className="space-y-2">
          <FormAlert>{humanMessage(members.error)}</FormAlert>
          <Button onClick={() => void members.refetch()}>Retry</Button>
        </div>
      )}
      {members.isSuccess && (
        <ul
          aria-label="Members"
          className="divide-y divide-slate-200 dark:divide-slate-800"
          data-testid="member-list"
        >
          {members.data.map((member) => (
            <MemberRow
              key={member.userId}
              member={member}
              isYou={member.userId === currentUserId}
              // The person a personal workspace belongs to stays its owner: nothing to manage.
              manage={manage && !(workspace.personal && member.userId === workspace.createdBy)}
              onRoleChange={(role) => changeRole.mutate({ userId: member.userId, role })}
              onRemove={() => setRemoving(member)}
            />
          ))}
        </ul>
      )}
      {manage && <AddMemberForm workspaceId={workspace.id} />}
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => {
          if (!open) setRemoving(null);
        }}
        title={`Remove ${removing?.name ?? 'this member'}?`}
        description="They lose access to this workspace and its tasks; tasks assigned to them become unassigned."
        confirmLabel="Remove member"
        onConfirm={() => (removing ? remove.mutateAsync(removing.userId) : Promise.resolve())}
        testId="remove-member-dialog"
      />
    </Card>
  );
}
