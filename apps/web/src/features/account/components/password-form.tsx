import { ChangePasswordBody } from '@taskflow/contract';
import { SubmitForm, SubmitRow } from '../../../components/submit-form.tsx';
import { NewPasswordField, TextField } from '../../../components/text-field.tsx';
import { useSubmitForm } from '../../../lib/use-submit-form.ts';
import { useChangePassword } from '../api/change-password.ts';
import { AccountCard } from './account-card.tsx';

const emptyForm = { currentPassword: '', newPassword: '' };

export function PasswordForm() {
  const changePassword = useChangePassword();
  const submit = useSubmitForm(ChangePasswordBody, {
    defaultValues: emptyForm,
    fields: ['currentPassword', 'newPassword'],
    send: (body) => changePassword.mutateAsync(body),
    onSuccess: (_, form) => form.reset(emptyForm),
  });
  const changed = changePassword.isSuccess && !submit.form.formState.isDirty;

  return (
    <AccountCard
      title="Password"
      testId="password"
      description="Changing your password signs you out on every other device."
    >
      <SubmitForm submit={submit} name="password">
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          {...submit.field('currentPassword')}
        />
        <NewPasswordField label="New password" {...submit.field('newPassword')} />
        <SubmitRow
          busy={submit.isSubmitting}
          busyLabel="Changing…"
          label="Change password"
          done={changed && 'Password changed. Your other sessions were signed out.'}
          doneTestId="password-changed"
        />
      </SubmitForm>
    </AccountCard>
  );
}
