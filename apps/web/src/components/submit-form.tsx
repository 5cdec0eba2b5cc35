import type { FormEventHandler, ReactNode } from 'react';
import { Button } from './button.tsx';
import { FormAlert } from './form-alert.tsx';

/**
 * A form that the browser leaves unvalidated, with its form-level message above the fields.
 * `name` marks both for tests, as `<name>-form` and `<name>-error`.
 */
export function SubmitForm({
  submit: { onSubmit, formError },
  name,
  errorTestId = name && `${name}-error`,
  testId = name && `${name}-form`,
  intro,
  className = 'space-y-4',
  children,
}: {
  submit: { onSubmit: FormEventHandler<HTMLFormElement>; formError: string | null };
  name?: string;
  errorTestId?: string | undefined;
  testId?: string | undefined;
  /** What stands above the message: a heading or a sentence. */
  intro?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <form noValidate onSubmit={onSubmit} className={className} data-testid={testId}>
      {intro}
      {formError && <FormAlert testId={errorTestId}>{formError}</FormAlert>}
      {children}
    </form>
  );
}

/** The submit button, disabled and saying what it does while the form is sent. */
export function SubmitButton({
  busy,
  busyLabel,
  className,
  variant,
  children,
}: {
  busy: boolean;
  busyLabel?: string;
  className?: string;
  variant?: 'primary' | 'danger';
  children: ReactNode;
}) {
  return (
    <Button type="submit" variant={variant} className={className} disabled={busy}>
      {busy && busyLabel ? busyLabel : children}
    </Button>
  );
}

/** The submit button with, once the form is saved, a note beside it. */
export function SubmitRow({
  busy,
  busyLabel,
  label,
  done,
  doneTestId,
}: {
  busy: boolean;
  busyLabel?: string;
  label: string;
  done: ReactNode;
  doneTestId: string;
}) {
  return (
    <div className="flex items-center gap-3">
      <SubmitButton busy={busy} busyLabel={busyLabel}>
        {label}
      </SubmitButton>
      {done && (
        <p role="status" className="text-sm" data-testid={doneTestId}>
          {done}
        </p>
      )}
    </div>
  );
}
