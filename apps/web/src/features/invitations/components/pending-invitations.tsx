import type { components } from '@taskflow/contract/openapi';
import { humanMessage } from '../../../api/error-message.ts';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { useInvitations } from '../api/get-invitations.ts';
import { useRevokeInvitation } from '../api/revoke-invitation.ts';

type Invitation = components['schemas']['Invitation'];

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function describe(invitation: Invitation) {
  const who = invitation.email ?? 'Invite link';
  const uses =
    invitation.kind === 'link'
      ? `, used ${invitation.uses}${invitation.maxUses === null ? '' : ` of ${invitation.maxUses}`}`
      : '';
  return {
    who,
    details: `${invitation.role}, expires ${dateFormat.format(new Date(invitation.expiresAt))}${uses}`,
  };
}

/** The workspace's pending invitations, each revocable. */
export function PendingInvitations({ workspaceId }: { workspaceId: string }) {
  const invitations = useInvitations(workspaceId);
  const revoke = useRevokeInvitation(workspaceId);

  return (
    <section aria-labelledby="pending-invitations-title" className="space-y-2">
      <h3 id="pending-invitations-title" className="font-medium">
        Pending invitations
      </h3>
      {revoke.isError && <FormAlert>{humanMessage(revoke.error)}</FormAlert>}
      {invitations.isPending && (
        <p className="text-sm text-slate-600 dark:text-slate-300">Loading…</p>
      )}
      {invitations.isError && (
        <div className="space-y-2">
          <FormAlert>{humanMessage(invitations.error)}</FormAlert>
          <Button onClick={() => void invitations.refetch()}>Retry</Button>
        </div>
      )}
      {invitations.isSuccess && invitations.data.length === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="no-invitations">
          No pending invitations.
        </p>
      )}
      {invitations.isSuccess && invitations.data.length > 0 && (
        <ul
          aria-label="Pending invitations"
          className="divide-y divide-slate-200 dark:divide-slate-800"
          data-testid="invitation-list"
        >
          {invitations.data.map((invitation) => {
            const { who, details } = describe(invitation);
            return (
              <li
                key={invitation.id}
                className="flex flex-wrap items-center justify-between gap-2 py-2"
                data-testid="invitation-row"
              >
                <div className="min-w-0">
                  <p className="truncate font-medium">{who}</p>
                  <p className="text-sm text-slate-600 dark:text-slate-300">{details}</p>
                </div>
                <Button
                  variant="secondary"
                  size="sm"
                  aria-label={`Revoke the invitation: ${who}`}
                  onClick={() => revoke.mutate(invitation.id)}
                >
                  Revoke
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
