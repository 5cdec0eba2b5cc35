import { PasswordConfirmationBody, RenamePasskeyBody } from '@taskflow/contract';
import { z } from 'zod';
import { Button } from '../../../components/button.tsx';
import { SubmitButton, SubmitForm } from '../../../components/submit-form.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { useSubmitForm } from '../../../lib/use-submit-form.ts';
import { useAddPasskey } from '../api/add-passkey.ts';
import { useRenamePasskey } from '../api/rename-passkey.ts';

const NewPasskeyValues = z.object({
  name: RenamePasskeyBody.shape.name,
  password: PasswordConfirmationBody.shape.password,
});

/** A name for the new passkey and the password; then the browser asks for the passkey itself. */
export function NewPasskeyForm({ onDone }: { onDone: () => void }) {
  const add = useAddPasskey();
  const submit = useSubmitForm(NewPasskeyValues, {
    defaultValues: { name: '', password: '' },
    fields: ['name', 'password'],
    send: (values) => add.mutateAsync(values),
    onSuccess: onDone,
  });
  return (
    <SubmitForm
      submit={submit}
      name="passkey-add"
      className="space-y-3 rounded-md border border-slate-200 p-4 dark:border-slate-700"
      intro={
        <p className="text-sm">
          Name the passkey after the device or password manager that keeps it, and enter your
          password. Your browser then asks you to create the passkey.
        </p>
      }
    >
      <TextField label="Passkey name" autoComplete="off" autoFocus {...submit.field('name')} />
      <TextField
        label="Your password"
        type="password"
        autoComplete="current-password"
        {...submit.field('password')}
      />
      <div className="flex flex-wrap gap-3">
        <SubmitButton busy={submit.isSubmitting} busyLabel="Waiting for the passkey…">
          Create passkey
        </SubmitButton>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </SubmitForm>
  );
}

/** A new name for a passkey, in place of its name. */
export function RenamePasskeyForm({
  id,
  name,
  onDone,
}: {
  id: string;
  name: string;
  onDone: () => void;
}) {
  const rename = useRenamePasskey();
  const submit = useSubmitForm(RenamePasskeyBody, {
    defaultValues: { name },
    fields: ['name'],
    send: (body) => rename.mutateAsync({ id, name: body.name }),
    onSuccess: onDone,
  });
  return (
    <SubmitForm submit={submit} name="passkey-rename" className="space-y-3">
      <TextField label="New name" autoComplete="off" autoFocus {...submit.field('name')} />
      <div className="flex flex-wrap gap-3">
        <SubmitButton busy={submit.isSubmitting} busyLabel="Saving…">
          Save
        </SubmitButton>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </SubmitForm>
  );
}
