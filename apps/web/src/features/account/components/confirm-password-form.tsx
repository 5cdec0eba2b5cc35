import { PasswordConfirmationBody } from '@taskflow/contract';
import { SubmitButton, SubmitForm } from '../../../components/submit-form.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { useSubmitForm } from '../../../lib/use-submit-form.ts';

/**
 * Asks for the password before a session is ended: the API requires it, so that someone holding
 * a stolen session cannot sign the owner out.
 */
export function ConfirmPasswordForm({
  prompt,
  confirmLabel,
  testId,
  onConfirm,
  onCancel,
}: {
  prompt: string;
  confirmLabel: string;
  testId: string;
  onConfirm: (password: string) => Promise<unknown>;
  onCancel: () => void;
}) {
  const submit = useSubmitForm(PasswordConfirmationBody, {
    fields: ['password'],
    send: ({ password }) => onConfirm(password),
  });

  return (
    <SubmitForm
      submit={submit}
      testId={testId}
      intro={<p className="text-sm">{prompt}</p>}
      className="space-y-3 rounded-md border border-slate-200 p-4 dark:border-slate-700"
    >
      <TextField
        label="Your password"
        type="password"
        autoComplete="current-password"
        autoFocus
        {...submit.field('password')}
      />
      <div className="flex gap-3">
        <SubmitButton busy={submit.isSubmitting} variant="danger">
          {confirmLabel}
        </SubmitButton>
        <button
          type="button"
          onClick={onCancel}
          className="rounded-md border border-slate-300 px-4 py-2 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          Cancel
        </button>
      </div>
    </SubmitForm>
  );
}
