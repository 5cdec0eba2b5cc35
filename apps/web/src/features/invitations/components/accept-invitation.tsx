import { useState } from 'react';
import { humanMessage } from '../../../api/error-message.ts';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { TextLink } from '../../../components/text-link.tsx';
import { useAcceptInvitation } from '../api/accept-invitation.ts';
import { useInvitationPreview } from '../api/preview-invitation.ts';
import { JoinSignUpForm, type SignUpValues } from './join-sign-up-form.tsx';

type Props = {
  token: string;
  session: 'loading' | 'signed-in' | 'signed-out';
  /** Where signing in comes back to: this page, with its token. */
  returnPath: string;
  onJoined: (workspaceId: string) => void;
  /**
   * Creates the account and signs in; false when the address must be verified first (the
   * invitation was not mailed to it).
   */
  signUp: (values: SignUpValues) => Promise<boolean>;
};

/**
 * The page an invitation link opens: what it is for, then "Join" for a signed-in person, or
 * sign in / create an account for anyone else.
 */
export function AcceptInvitation({ token, session, returnPath, onJoined, signUp }: Props) {
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation();
  const [mustVerify, setMustVerify] = useState(false);

  const join = async () => onJoined((await accept.mutateAsync(token)).workspace.id);

  if (token === '') {
    return (
      <Card title="Invitation" testId="invitation">
        <FormAlert>
          This invitation link is incomplete. Open the whole link from the mail or message.
        </FormAlert>
      </Card>
    );
  }
  if (preview.isPending || session === 'loading') {
    return (
      <p role="status" className="text-sm" data-testid="invitation-loading">
        Loading the invitation…
      </p>
    );
  }
  if (preview.isError) {
    return (
      <Card title="Invitation" testId="invitation">
        <FormAlert testId="invitation-error">{humanMessage(preview.error)}</FormAlert>
        <TextLink to="/">Go to TaskFlow</TextLink>
      </Card>
    );
  }

  const invitation = preview.data;
  const who = invitation.invitedByName ?? 'Someone';
  return (
    <Card title={`Join “${invitation.workspaceName}”`} testId="invitation">
      <div className="space-y-4">
        <p>
          {who} invited you to the workspace <strong>{invitation.workspaceName}</strong> as{' '}
          {invitation.role === 'owner' ? 'an owner' : 'a member'}.
          {invitation.email && ` The invitation is for ${invitation.email}.`}
        </p>
        {accept.isError && <FormAlert testId="join-error">{humanMessage(accept.error)}</FormAlert>}
        {session === 'signed-in' && (
          <Button onClick={() => void join().catch(() => undefined)} disabled={accept.isPending}>
            {accept.isPending ? 'Joining…' : 'Join'}
          </Button>
        )}
        {session === 'signed-out' && mustVerify && (
          <p role="status" data-testid="join-verify">
            Your account is created. Follow the link in the mail we sent you to verify your address,
            then sign in and open this invitation again.
          </p>
        )}
        {session === 'signed-out' && !mustVerify && (
          <>
            <p>
              Already have an account?{' '}
              <TextLink to="/sign-in" search={{ redirect: returnPath }}>
                Sign in to join
              </TextLink>
            </p>
            <JoinSignUpForm
              email={invitation.email}
              signUp={async (values) => {
                if (await signUp(values)) await join();
                else setMustVerify(true);
              }}
            />
          </>
        )}
      </div>
    </Card>
  );
}
