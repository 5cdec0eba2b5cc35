import { type ReactNode, useId } from 'react';

/** What the labelled control itself carries: its id, and what describes it when invalid. */
export type ControlProps = {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  className: string;
};

/**
 * The label, hint and error around one form control, tied to it for assistive technology; the
 * error is marked with `<name>-error` for tests.
 */
export function Field({
  label,
  name,
  error,
  hint,
  id,
  className = '',
  children,
}: {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: string | undefined;
  id?: string | undefined;
  className?: string | undefined;
  children: (control: ControlProps) => ReactNode;
}) {
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ');

  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={controlId} className="block text-sm font-medium">
        {label}
      </label>
      {children({
        id: controlId,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy || undefined,
        className:
          'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-invalid:border-red-600 dark:border-slate-600 dark:bg-slate-900 dark:aria-invalid:border-red-400',
      })}
      {hint && (
        <p id={hintId} className="text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      )}
      {error && (
        <p
          id={errorId}
          className="text-sm text-red-700 dark:text-red-400"
          data-testid={`${name}-error`}
        >
          {error}
        </p>
      )}
    </div>
  );
}

/** The props every field takes besides those of its control. */
export type FieldProps = {
  name: string;
  label: string;
  /** Shown under the control and announced with it; the field is marked invalid. */
  error?: string | undefined;
  hint?: string | undefined;
};
