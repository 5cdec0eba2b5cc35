import { zodResolver } from '@hookform/resolvers/zod';
import { EmailBody } from '@taskflow/contract';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { TextLink } from '../../../components/text-link.tsx';
import { applyServerErrors, parseOptions } from '../../../lib/form.ts';
import { useRequestPasswordReset } from '../api/request-password-reset.ts';
import { AuthCard } from './auth-card.tsx';
import { CheckInbox } from './check-inbox.tsx';

export function ForgotPasswordForm() {
  const requestReset = useRequestPasswordReset();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(EmailBody, parseOptions) });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ email }) => {
    setFormError(null);
    await requestReset.mutateAsync(email).catch((error: unknown) => {
      setFormError(applyServerErrors(error, form.setError, ['email']));
    });
  });

  if (requestReset.isSuccess) {
    return (
      <CheckInbox
        testId="forgot-password-done"
        message={requestReset.data.message}
        email={requestReset.variables}
      >
        <p className="text-sm">
          The link works once and expires soon. <TextLink to="/sign-in">Back to sign in</TextLink>
        </p>
      </CheckInbox>
    );
  }

  return (
    <AuthCard title="Reset your password" testId="forgot-password">
      <form noValidate onSubmit={onSubmit} className="space-y-4" data-testid="forgot-password-form">
        <p className="text-sm">
          Enter your email address and we will mail you a link to choose a new password.
        </p>
        {formError && <FormAlert testId="forgot-password-error">{formError}</FormAlert>}
        <TextField
          label="Email"
          type="email"
          autoComplete="email"
          error={errors.email?.message}
          {...form.register('email')}
        />
        <Button type="submit" className="w-full" disabled={isSubmitting}>
          {isSubmitting ? 'Sending…' : 'Send reset link'}
        </Button>
      </form>
      <p className="text-sm">
        <TextLink to="/sign-in">Back to sign in</TextLink>
      </p>
    </AuthCard>
  );
}
