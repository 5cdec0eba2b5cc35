import { ResetPasswordBody } from '@taskflow/contract';
import { FormAlert } from '../../../components/form-alert.tsx';
import { SubmitButton, SubmitForm } from '../../../components/submit-form.tsx';
import { NewPasswordField } from '../../../components/text-field.tsx';
import { TextLink } from '../../../components/text-link.tsx';
import { useSubmitForm } from '../../../lib/use-submit-form.ts';
import { useResetPassword } from '../api/reset-password.ts';
import { AuthCard } from './auth-card.tsx';

// The token comes from the mailed link, not from the person: only the password is a field.
const NewPasswordForm = ResetPasswordBody.pick({ newPassword: true });

export function ResetPasswordForm({ token }: { token: string | undefined }) {
  const resetPassword = useResetPassword();
  const submit = useSubmitForm(NewPasswordForm, {
    fields: ['newPassword'],
    send: ({ newPassword }) =>
      token ? resetPassword.mutateAsync({ token, newPassword }) : undefined,
  });

  if (resetPassword.isSuccess) {
    return (
      <AuthCard title="Password changed" testId="reset-password-done">
        <p role="status" className="text-sm">
          {resetPassword.data.message}
        </p>
        <TextLink to="/sign-in">Sign in with your new password</TextLink>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Choose a new password" testId="reset-password">
      {token ? (
        <SubmitForm submit={submit} name="reset-password">
          <NewPasswordField label="New password" {...submit.field('newPassword')} />
          <SubmitButton busy={submit.isSubmitting} busyLabel="Saving…" className="w-full">
            Set new password
          </SubmitButton>
        </SubmitForm>
      ) : (
        <FormAlert testId="reset-password-error">
          This link is incomplete. Open the link from the mail again.
        </FormAlert>
      )}
      <p className="text-sm">
        <TextLink to="/forgot-password">Ask for a new link</TextLink>
      </p>
    </AuthCard>
  );
}
