import { useEffect, useRef } from 'react';
import { humanMessage } from '../../../api/error-message.ts';
import { FormAlert } from '../../../components/form-alert.tsx';
import { TextLink } from '../../../components/text-link.tsx';
import { useVerifyEmail } from '../api/verify-email.ts';
import { AuthCard } from './auth-card.tsx';

/** Posts the token from the mailed link once: it is single-use, so a second post would fail. */
export function VerifyEmail({ token }: { token: string | undefined }) {
  const verify = useVerifyEmail();
  const posted = useRef(false);
  const { mutate } = verify;

  useEffect(() => {
    if (!token || posted.current) return;
    posted.current = true;
    mutate(token);
  }, [token, mutate]);

  return (
    <AuthCard
      title={verify.isSuccess ? 'Email verified' : 'Verify your email'}
      testId="verify-email"
    >
      <VerifyState token={token} verify={verify} />
    </AuthCard>
  );
}

/** What the card says: the link is broken, the address is verified, it failed, or it is sent. */
function VerifyState({
  token,
  verify,
}: {
  token: string | undefined;
  verify: ReturnType<typeof useVerifyEmail>;
}) {
  if (!token) {
    return (
      <FormAlert testId="verify-email-error">
        This link is incomplete. Open the link from the mail again.
      </FormAlert>
    );
  }
  if (verify.isSuccess) {
    return (
      <>
        <FormAlert tone="success" testId="verify-email-success">
          {verify.data.message}
        </FormAlert>
        <TextLink to="/sign-in">Sign in</TextLink>
      </>
    );
  }
  if (verify.isError) {
    return (
      <>
        <FormAlert testId="verify-email-error">{humanMessage(verify.error)}</FormAlert>
        <p className="text-sm">
          Sign in to have a new link sent. <TextLink to="/sign-in">Sign in</TextLink>
        </p>
      </>
    );
  }
  return (
    <p role="status" aria-busy="true" className="text-sm" data-testid="verify-email-pending">
      Verifying your email address…
    </p>
  );
}
