import { AddMemberBody } from '@taskflow/contract';
import { useState } from 'react';
import { ApiError } from '../../../api/api-error.ts';
import { humanMessage } from '../../../api/error-message.ts';
import { SelectField } from '../../../components/select-field.tsx';
import { SubmitForm, SubmitRow } from '../../../components/submit-form.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { useSubmitForm } from '../../../lib/use-submit-form.ts';
import { useAddMember } from '../api/add-member.ts';

/** What the API says about the email itself goes beside the email field. */
function emailProblem(error: unknown) {
  if (!(error instanceof ApiError)) return undefined;
  if (error.code === 'ALREADY_MEMBER' || error.code === 'ACCOUNT_NOT_FOUND') {
    return { field: 'email' as const, message: humanMessage(error) };
  }
  return undefined;
}

/** Owners add people by the email of their TaskFlow account. */
export function AddMemberForm({ workspaceId }: { workspaceId: string }) {
  const add = useAddMember(workspaceId);
  const [added, setAdded] = useState<string | null>(null);
  const submit = useSubmitForm(AddMemberBody, {
    defaultValues: { email: '', role: 'member' as const },
    fields: ['email', 'role'],
    send: (body) => {
      setAdded(null);
      return add.mutateAsync(body);
    },
    onSuccess: (member, form) => {
      form.reset();
      setAdded(member.name);
    },
    fieldError: emailProblem,
  });

  return (
    <SubmitForm
      submit={submit}
      testId="add-member-form"
      intro={<h3 className="font-medium">Add a member</h3>}
    >
      <div className="grid gap-4 sm:grid-cols-[1fr_auto]">
        <TextField label="Email" type="email" autoComplete="off" {...submit.field('email')} />
        <SelectField label="Role" {...submit.field('role')}>
          <option value="member">Member</option>
          <option value="owner">Owner</option>
        </SelectField>
      </div>
      <SubmitRow
        busy={submit.isSubmitting}
        label="Add member"
        done={added && `Added ${added}.`}
        doneTestId="member-added"
      />
    </SubmitForm>
  );
}
