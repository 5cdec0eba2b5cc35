import { INVITATION_DEFAULT_DAYS } from '@taskflow/contract';
import { type FormEvent, useId, useState } from 'react';
import { humanMessage } from '../../../api/error-message.ts';
import { CopyLinkButton } from '../../../components/copy-link-button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { SelectField } from '../../../components/select-field.tsx';
import { SubmitButton } from '../../../components/submit-form.tsx';
import { useCreateInviteLink } from '../api/create-invite-link.ts';

const expiryChoices = [1, INVITATION_DEFAULT_DAYS, 14, 30] as const;
const limitChoices = ['', '1', '5', '10', '25', '100'] as const;

/** Owners make a link anyone signed in can join with; it is shown once, to copy. */
export function InviteLinkForm({ workspaceId }: { workspaceId: string }) {
  const create = useCreateInviteLink(workspaceId);
  const [role, setRole] = useState<'member' | 'owner'>('member');
  const [days, setDays] = useState<number>(INVITATION_DEFAULT_DAYS);
  const [limit, setLimit] = useState<string>('');
  const linkId = useId();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ role, expiresInDays: days, maxUses: limit === '' ? null : Number(limit) });
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4" data-testid="invite-link-form">
      <h3 className="font-medium">Invite with a link</h3>
      {create.isError && <FormAlert>{humanMessage(create.error)}</FormAlert>}
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          label="Role"
          name="link-role"
          value={role}
          onChange={(e) => setRole(e.target.value as 'member' | 'owner')}
        >
          <option value="member">Member</option>
          <option value="owner">Owner</option>
        </SelectField>
        <SelectField
          label="Expires after"
          name="link-expiry"
          value={String(days)}
          onChange={(e) => setDays(Number(e.target.value))}
        >
          {expiryChoices.map((d) => (
            <option key={d} value={d}>
              {d === 1 ? '1 day' : `${d} days`}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Can be used"
          name="link-limit"
          value={limit}
          onChange={(e) => setLimit(e.target.value)}
        >
          {limitChoices.map((n) => (
            <option key={n} value={n}>
              {n === '' ? 'Any number of times' : n === '1' ? 'Once' : `${n} times`}
            </option>
          ))}
        </SelectField>
      </div>
      <SubmitButton busy={create.isPending} busyLabel="Creating…">
        Create invite link
      </SubmitButton>
      {create.isSuccess && (
        <div className="space-y-2" data-testid="invite-link">
          <label htmlFor={linkId} className="block text-sm">
            Share this link (it is shown only now):
          </label>
          <input
            id={linkId}
            name="inviteLink"
            readOnly
            value={create.data.url}
            className="w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm dark:border-slate-600 dark:bg-slate-800"
            onFocus={(e) => e.currentTarget.select()}
          />
          <CopyLinkButton url={create.data.url} />
        </div>
      )}
    </form>
  );
}
