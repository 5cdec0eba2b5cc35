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

  if (!token) {
    return (
      <AuthCard title="Verify your email" testId="verify-email">
        <FormAlert testId="verify-email-error">
          This link is incomplete. Open the link from the mail again.
        </FormAlert>
      </AuthCard>
    );
  }

  if (verify.isSuccess) {
    return (
      <AuthCard title="Email verified" testId="verify-email">
        <FormAlert tone="success" testId="verify-email-success">
          {verify.data.message}
        </FormAlert>
        <TextLink to="/sign-in">Sign in</TextLink>
      </AuthCard>
    );
  }

  if (verify.isError) {
    return (
      <AuthCard title="Verify your email" testId="verify-email">
        <FormAlert testId="verify-email-error">{humanMessage(verify.error)}</FormAlert>
        <p className="text-sm">
          Sign in to have a new link sent. <TextLink to="/sign-in">Sign in</TextLink>
        </p>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Verify your email" testId="verify-email">
      <p role="status" aria-busy="true" className="text-sm" data-testid="verify-email-pending">
        Verifying your email address…
      </p>
    </AuthCard>
  );
}
