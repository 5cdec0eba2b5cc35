import { zodResolver } from '@hookform/resolvers/zod';
import { PasswordConfirmationBody } from '@taskflow/contract';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { applyServerErrors, parseOptions } from '../../../lib/form.ts';

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
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(PasswordConfirmationBody, parseOptions) });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ password }) => {
    setFormError(null);
    await onConfirm(password).catch((error: unknown) => {
      setFormError(applyServerErrors(error, form.setError, ['password']));
    });
  });

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      className="space-y-3 rounded-md border border-slate-200 p-4 dark:border-slate-700"
      data-testid={testId}
    >
      <p className="text-sm">{prompt}</p>
      {formError && <FormAlert>{formError}</FormAlert>}
      <TextField
        label="Your password"
        type="password"
        autoComplete="current-password"
        autoFocus
        error={errors.password?.message}
        {...form.register('password')}
      />
      <div className="flex gap-3">
        <Button type="submit" variant="danger" disabled={isSubmitting}>
          {confirmLabel}
        </Button>
        <button
          type="button"
          onClick={onCancel}
          className="rounded-md border border-slate-300 px-4 py-2 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
