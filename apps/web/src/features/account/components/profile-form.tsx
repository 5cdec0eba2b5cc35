import { zodResolver } from '@hookform/resolvers/zod';
import { UpdateProfileBody } from '@taskflow/contract';
import type { components } from '@taskflow/contract/openapi';
import { useForm } from 'react-hook-form';
import { SubmitForm, SubmitRow } from '../../../components/submit-form.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { parseOptions } from '../../../lib/form.ts';
import { useSubmitForm } from '../../../lib/use-submit-form.ts';
import { useUpdateProfile } from '../api/update-profile.ts';
import { AccountCard } from './account-card.tsx';

type User = components['schemas']['User'];

export function ProfileForm({ user, onSaved }: { user: User; onSaved?: (user: User) => void }) {
  const updateProfile = useUpdateProfile();
  const form = useForm({
    resolver: zodResolver(UpdateProfileBody, parseOptions),
    defaultValues: { name: user.name },
  });
  const { onSubmit, formError, field, isSubmitting } = useSubmitForm(form, {
    fields: ['name'],
    send: (body) => updateProfile.mutateAsync(body),
    onSuccess: (saved) => {
      form.reset({ name: saved.name });
      onSaved?.(saved);
    },
  });

  return (
    <AccountCard title="Profile" testId="profile">
      <SubmitForm
        onSubmit={onSubmit}
        error={formError}
        errorTestId="profile-error"
        testId="profile-form"
      >
        <dl className="text-sm">
          <dt className="font-medium">Email</dt>
          <dd data-testid="profile-email">{user.email}</dd>
        </dl>
        <TextField label="Name" autoComplete="name" {...field('name')} />
        <SubmitRow
          busy={isSubmitting}
          busyLabel="Saving…"
          label="Save profile"
          done={updateProfile.isSuccess && !form.formState.isDirty && 'Saved.'}
          doneTestId="profile-saved"
        />
      </SubmitForm>
    </AccountCard>
  );
}
