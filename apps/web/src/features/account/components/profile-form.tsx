import { zodResolver } from '@hookform/resolvers/zod';
import { UpdateProfileBody } from '@taskflow/contract';
import type { components } from '@taskflow/contract/openapi';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { applyServerErrors, parseOptions } from '../../../lib/form.ts';
import { useUpdateProfile } from '../api/update-profile.ts';
import { AccountCard } from './account-card.tsx';

type User = components['schemas']['User'];

export function ProfileForm({ user, onSaved }: { user: User; onSaved?: (user: User) => void }) {
  const updateProfile = useUpdateProfile();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(UpdateProfileBody, parseOptions),
    defaultValues: { name: user.name },
  });
  const { errors, isSubmitting, isDirty } = form.formState;

  const onSubmit = form.handleSubmit(async (body) => {
    setFormError(null);
    await updateProfile.mutateAsync(body).then(
      (saved) => {
        form.reset({ name: saved.name });
        onSaved?.(saved);
      },
      (error: unknown) => {
        setFormError(applyServerErrors(error, form.setError, ['name']));
      },
    );
  });

  return (
    <AccountCard title="Profile" testId="profile">
      <form noValidate onSubmit={onSubmit} className="space-y-4" data-testid="profile-form">
        {formError && <FormAlert testId="profile-error">{formError}</FormAlert>}
        <dl className="text-sm">
          <dt className="font-medium">Email</dt>
          <dd data-testid="profile-email">{user.email}</dd>
        </dl>
        <TextField
          label="Name"
          autoComplete="name"
          error={errors.name?.message}
          {...form.register('name')}
        />
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? 'Saving…' : 'Save profile'}
          </Button>
          {updateProfile.isSuccess && !isDirty && (
            <p role="status" className="text-sm" data-testid="profile-saved">
              Saved.
            </p>
          )}
        </div>
      </form>
    </AccountCard>
  );
}
