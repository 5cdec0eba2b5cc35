import type { FormEventHandler, ReactNode } from 'react';
import { Button } from './button.tsx';
import { FormAlert } from './form-alert.tsx';

/** A form that the browser leaves unvalidated, with its form-level message above the fields. */
export function SubmitForm({
  onSubmit,
  error,
  errorTestId,
  testId,
  intro,
  className = 'space-y-4',
  children,
}: {
  onSubmit: FormEventHandler<HTMLFormElement>;
  error: string | null;
  errorTestId?: string;
  testId?: string;
  /** What stands above the message: a heading or a sentence. */
  intro?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <form noValidate onSubmit={onSubmit} className={className} data-testid={testId}>
      {intro}
      {error && <FormAlert testId={errorTestId}>{error}</FormAlert>}
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
