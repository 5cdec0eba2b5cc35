import { zodResolver } from '@hookform/resolvers/zod';
import { AddMemberBody } from '@taskflow/contract';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiError } from '../../../api/api-error.ts';
import { humanMessage } from '../../../api/error-message.ts';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { SelectField } from '../../../components/select-field.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { applyServerErrors, parseOptions } from '../../../lib/form.ts';
import { useAddMember } from '../api/add-member.ts';

/** What the API says about the email itself goes beside the email field. */
function emailProblem(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.code === 'ALREADY_MEMBER' || error.code === 'ACCOUNT_NOT_FOUND') {
    return humanMessage(error);
  }
  return undefined;
}

/** Owners add people by the email of their TaskFlow account. */
export function AddMemberForm({ workspaceId }: { workspaceId: string }) {
  const add = useAddMember(workspaceId);
  const [formError, setFormError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(AddMemberBody, parseOptions),
    defaultValues: { email: '', role: 'member' as const },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (body) => {
    setFormError(null);
    setAdded(null);
    await add.mutateAsync(body).then(
      (member) => {
        form.reset();
        setAdded(member.name);
      },
      (error: unknown) => {
        const aboutEmail = emailProblem(error);
        if (aboutEmail)
          form.setError('email', { type: 'server', message: aboutEmail }, { shouldFocus: true });
        else setFormError(applyServerErrors(error, form.setError, ['email', 'role']));
      },
    );
  });

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4" data-testid="add-member-form">
      <h3 className="font-medium">Add a member</h3>
      {formError && <FormAlert>{formError}</FormAlert>}
      <div className="grid gap-4 sm:grid-cols-[1fr_auto]">
        <TextField
          label="Email"
          type="email"
          autoComplete="off"
          error={errors.email?.message}
          {...form.register('email')}
        />
        <SelectField label="Role" error={errors.role?.message} {...form.register('role')}>
          <option value="member">Member</option>
          <option value="owner">Owner</option>
        </SelectField>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          Add member
        </Button>
        {added && (
          <p role="status" className="text-sm" data-testid="member-added">
            Added {added}.
          </p>
        )}
      </div>
    </form>
  );
}
