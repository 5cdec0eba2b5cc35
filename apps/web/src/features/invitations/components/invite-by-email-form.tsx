import { CreateInvitationBody } from '@taskflow/contract';
import { useState } from 'react';
import { ApiError } from '../../../api/api-error.ts';
import { humanMessage } from '../../../api/error-message.ts';
import { SelectField } from '../../../components/select-field.tsx';
import { SubmitForm, SubmitRow } from '../../../components/submit-form.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { useSubmitForm } from '../../../lib/use-submit-form.ts';
import { useInviteByEmail } from '../api/invite-by-email.ts';

/** An address that already belongs to a member is a problem of the email field. */
function emailProblem(error: unknown) {
  if (error instanceof ApiError && error.code === 'ALREADY_MEMBER') {
    return { field: 'email' as const, message: humanMessage(error) };
  }
  return undefined;
}

/** Owners invite an address, with or without a TaskFlow account: it gets a mail with a link. */
export function InviteByEmailForm({ workspaceId }: { workspaceId: string }) {
  const invite = useInviteByEmail(workspaceId);
  const [sent, setSent] = useState<string | null>(null);
  const submit = useSubmitForm(CreateInvitationBody, {
    defaultValues: { email: '', role: 'member' as const },
    fields: ['email', 'role'],
    send: (body) => {
      setSent(null);
      return invite.mutateAsync(body);
    },
    onSuccess: (invitation, form) => {
      form.reset();
      setSent(invitation.email);
    },
    fieldError: emailProblem,
  });

  return (
    <SubmitForm
      submit={submit}
      testId="invite-email-form"
      intro={<h3 className="font-medium">Invite by email</h3>}
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
        label="Send invitation"
        done={sent && `Invitation sent to ${sent}.`}
        doneTestId="invitation-sent"
      />
    </SubmitForm>
  );
}
