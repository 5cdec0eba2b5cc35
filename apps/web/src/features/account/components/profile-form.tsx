import { UpdateProfileBody } from '@taskflow/contract';
import type { components } from '@taskflow/contract/openapi';
import { SubmitForm, SubmitRow } from '../../../components/submit-form.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { useSubmitForm } from '../../../lib/use-submit-form.ts';
import { useUpdateProfile } from '../api/update-profile.ts';
import { AccountCard } from './account-card.tsx';

type User = components['schemas']['User'];

export function ProfileForm({ user, onSaved }: { user: User; onSaved?: (user: User) => void }) {
  const updateProfile = useUpdateProfile();
  const submit = useSubmitForm(UpdateProfileBody, {
    defaultValues: { name: user.name },
    fields: ['name'],
    send: (body) => updateProfile.mutateAsync(body),
    onSuccess: (saved, form) => {
      form.reset({ name: saved.name });
      onSaved?.(saved);
    },
  });

  return (
    <AccountCard title="Profile" testId="profile">
      <SubmitForm submit={submit} name="profile">
        <dl className="text-sm">
          <dt className="font-medium">Email</dt>
          <dd data-testid="profile-email">{user.email}</dd>
        </dl>
        <TextField label="Name" autoComplete="name" {...submit.field('name')} />
        <SubmitRow
          busy={submit.isSubmitting}
          busyLabel="Saving…"
          label="Save profile"
          done={updateProfile.isSuccess && !submit.form.formState.isDirty && 'Saved.'}
          doneTestId="profile-saved"
        />
      </SubmitForm>
    </AccountCard>
  );
}
