import { EmailBody } from '@taskflow/contract';
import { SubmitButton, SubmitForm } from '../../../components/submit-form.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { TextLink } from '../../../components/text-link.tsx';
import { useSubmitForm } from '../../../lib/use-submit-form.ts';
import { useRequestPasswordReset } from '../api/request-password-reset.ts';
import { AuthCard } from './auth-card.tsx';
import { CheckInbox } from './check-inbox.tsx';

export function ForgotPasswordForm() {
  const requestReset = useRequestPasswordReset();
  const submit = useSubmitForm(EmailBody, {
    fields: ['email'],
    send: ({ email }) => requestReset.mutateAsync(email),
  });

  if (requestReset.isSuccess) {
    return (
      <CheckInbox
        testId="forgot-password-done"
        message={
          // Said the same way whether or not the address has an account, as the API answers.
          <>
            If <strong>{requestReset.variables}</strong> has an account, a link to choose a new
            password is on its way. It works once and expires soon.
          </>
        }
      >
        <p className="text-sm">
          <TextLink to="/sign-in">Back to sign in</TextLink>
        </p>
      </CheckInbox>
    );
  }

  return (
    <AuthCard title="Reset your password" testId="forgot-password">
      <SubmitForm
        submit={submit}
        name="forgot-password"
        intro={
          <p className="text-sm">
            Enter your email address and we will mail you a link to choose a new password.
          </p>
        }
      >
        <TextField label="Email" type="email" autoComplete="email" {...submit.field('email')} />
        <SubmitButton busy={submit.isSubmitting} busyLabel="Sending…" className="w-full">
          Send reset link
        </SubmitButton>
      </SubmitForm>
      <p className="text-sm">
        <TextLink to="/sign-in">Back to sign in</TextLink>
      </p>
    </AuthCard>
  );
}
