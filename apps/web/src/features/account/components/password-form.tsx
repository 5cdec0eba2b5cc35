import { zodResolver } from '@hookform/resolvers/zod';
import { ChangePasswordBody } from '@taskflow/contract';
import { useForm } from 'react-hook-form';
import { SubmitForm, SubmitRow } from '../../../components/submit-form.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { NEW_PASSWORD_HINT, parseOptions } from '../../../lib/form.ts';
import { useSubmitForm } from '../../../lib/use-submit-form.ts';
import { useChangePassword } from '../api/change-password.ts';
import { AccountCard } from './account-card.tsx';

const emptyForm = { currentPassword: '', newPassword: '' };

export function PasswordForm() {
  const changePassword = useChangePassword();
  const form = useForm({
    resolver: zodResolver(ChangePasswordBody, parseOptions),
    defaultValues: emptyForm,
  });
  const { onSubmit, formError, field, isSubmitting } = useSubmitForm(form, {
    fields: ['currentPassword', 'newPassword'],
    send: (body) => changePassword.mutateAsync(body),
    onSuccess: () => form.reset(emptyForm),
  });
  const changed = changePassword.isSuccess && !form.formState.isDirty;

  return (
    <AccountCard
      title="Password"
      testId="password"
      description="Changing your password signs you out on every other device."
    >
      <SubmitForm
        onSubmit={onSubmit}
        error={formError}
        errorTestId="password-error"
        testId="password-form"
      >
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          {...field('currentPassword')}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          hint={NEW_PASSWORD_HINT}
          {...field('newPassword')}
        />
        <SubmitRow
          busy={isSubmitting}
          busyLabel="Changing…"
          label="Change password"
          done={changed && 'Password changed. Your other sessions were signed out.'}
          doneTestId="password-changed"
        />
      </SubmitForm>
    </AccountCard>
  );
}
