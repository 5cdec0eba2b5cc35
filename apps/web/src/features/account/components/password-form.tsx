import { zodResolver } from '@hookform/resolvers/zod';
import { ChangePasswordBody } from '@taskflow/contract';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { applyServerErrors, parseOptions } from '../../../lib/form.ts';
import { useChangePassword } from '../api/change-password.ts';
import { AccountCard } from './account-card.tsx';

const emptyForm = { currentPassword: '', newPassword: '' };

export function PasswordForm() {
  const changePassword = useChangePassword();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(ChangePasswordBody, parseOptions),
    defaultValues: emptyForm,
  });
  const { errors, isSubmitting, isDirty } = form.formState;

  const onSubmit = form.handleSubmit(async (body) => {
    setFormError(null);
    await changePassword.mutateAsync(body).then(
      () => form.reset(emptyForm),
      (error: unknown) => {
        setFormError(applyServerErrors(error, form.setError, ['currentPassword', 'newPassword']));
      },
    );
  });

  return (
    <AccountCard
      title="Password"
      testId="password"
      description="Changing your password signs you out on every other device."
    >
      <form noValidate onSubmit={onSubmit} className="space-y-4" data-testid="password-form">
        {formError && <FormAlert testId="password-error">{formError}</FormAlert>}
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          error={errors.currentPassword?.message}
          {...form.register('currentPassword')}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          hint="At least 8 characters. Common passwords are refused."
          error={errors.newPassword?.message}
          {...form.register('newPassword')}
        />
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? 'Changing…' : 'Change password'}
          </Button>
          {changePassword.isSuccess && !isDirty && (
            <p role="status" className="text-sm" data-testid="password-changed">
              Password changed. Your other sessions were signed out.
            </p>
          )}
        </div>
      </form>
    </AccountCard>
  );
}
