import { zodResolver } from '@hookform/resolvers/zod';
import { ResetPasswordBody } from '@taskflow/contract';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { TextLink } from '../../../components/text-link.tsx';
import { applyServerErrors, parseOptions } from '../../../lib/form.ts';
import { useResetPassword } from '../api/reset-password.ts';
import { AuthCard } from './auth-card.tsx';

// The token comes from the mailed link, not from the person: only the password is a field.
const NewPasswordForm = ResetPasswordBody.pick({ newPassword: true });

export function ResetPasswordForm({ token }: { token: string | undefined }) {
  const resetPassword = useResetPassword();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(NewPasswordForm, parseOptions) });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ newPassword }) => {
    if (!token) return;
    setFormError(null);
    await resetPassword.mutateAsync({ token, newPassword }).catch((error: unknown) => {
      setFormError(applyServerErrors(error, form.setError, ['newPassword']));
    });
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
        <form
          noValidate
          onSubmit={onSubmit}
          className="space-y-4"
          data-testid="reset-password-form"
        >
          {formError && <FormAlert testId="reset-password-error">{formError}</FormAlert>}
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            hint="At least 8 characters. Common passwords are refused."
            error={errors.newPassword?.message}
            {...form.register('newPassword')}
          />
          <Button type="submit" className="w-full" disabled={isSubmitting}>
            {isSubmitting ? 'Saving…' : 'Set new password'}
          </Button>
        </form>
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
