import { useState } from 'react';
import { humanMessage } from '../../../api/error-message.ts';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { Skeleton } from '../../../components/skeleton.tsx';
import { useSessions } from '../api/get-sessions.ts';
import { useRevokeAllSessions } from '../api/revoke-all-sessions.ts';
import { useRevokeSession } from '../api/revoke-session.ts';
import { AccountCard } from './account-card.tsx';
import { ConfirmPasswordForm } from './confirm-password-form.tsx';
import { SessionRow } from './session-row.tsx';

function SessionsSkeleton() {
  return <Skeleton label="Loading your sessions…" rows={2} testId="sessions-loading" />;
}

/** Where the account is signed in, with a way out for each device or for all at once. */
export function SessionsCard({ onSignedOutEverywhere }: { onSignedOutEverywhere: () => void }) {
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const revokeAll = useRevokeAllSessions();
  // The session whose revocation asks for the password, or 'all' for Sign out everywhere.
  const [confirming, setConfirming] = useState<string | null>(null);
  const close = () => setConfirming(null);

  return (
    <AccountCard
      title="Active sessions"
      testId="sessions"
      description="The devices where you are signed in. Revoke any you do not recognise."
    >
      {sessions.isPending && <SessionsSkeleton />}
      {sessions.isError && (
        <div className="space-y-2">
          <FormAlert testId="sessions-error">{humanMessage(sessions.error)}</FormAlert>
          <Button onClick={() => void sessions.refetch()}>Retry</Button>
        </div>
      )}
      {sessions.isSuccess && (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800" data-testid="session-list">
          {sessions.data.items.map((session) => (
            <SessionRow
              key={session.id}
              session={session}
              confirming={confirming === session.id}
              onRevoke={() => setConfirming(session.id)}
            >
              <ConfirmPasswordForm
                prompt={`Sign out ${session.device}? Enter your password to confirm.`}
                confirmLabel="Revoke session"
                testId="revoke-session-confirm"
                onConfirm={(password) => revoke.mutateAsync({ id: session.id, password })}
                onCancel={close}
              />
            </SessionRow>
          ))}
        </ul>
      )}
      {confirming === 'all' ? (
        <ConfirmPasswordForm
          prompt="Sign out on every device, this one included? Enter your password to confirm."
          confirmLabel="Sign out everywhere"
          testId="sign-out-everywhere-confirm"
          onConfirm={(password) => revokeAll.mutateAsync(password).then(onSignedOutEverywhere)}
          onCancel={close}
        />
      ) : (
        <Button
          variant="danger"
          onClick={() => setConfirming('all')}
          data-testid="sign-out-everywhere"
        >
          Sign out everywhere
        </Button>
      )}
    </AccountCard>
  );
}
