import { type ReactNode, type Ref, useId } from 'react';

/** What the labelled control itself carries: its id, and what describes it when invalid. */
type ControlProps = {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  className: string;
};

type Frame = {
  name: string;
  label: string;
  /** Shown under the control and announced with it; the field is marked invalid. */
  error?: string | undefined;
  hint?: string | undefined;
  id?: string | undefined;
  className?: string | undefined;
};

/** What `render` gets: the control's own props, its name, and the ids that tie it to the field. */
type Control<P> = ControlProps & Omit<P, keyof Frame> & { name: string };

/** A field's own props and those of its control (`El`, with attributes `Attrs`). */
export type FieldProps<Attrs, El> = Attrs & Frame & { ref?: Ref<El> };

/**
 * The label, hint and error around one form control, tied to it for assistive technology; the
 * error is marked with `<name>-error` for tests. `render` draws the control from its props.
 */
export function Field<P extends Frame>({
  render,
  ...props
}: P & { render: (control: Control<P>) => ReactNode }) {
  const { label, error, hint, id, className = '', ...rest } = props;
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  // An error takes the hint's place: the two would otherwise say the same thing twice ("use at
  // least 8 characters" under "at least 8 characters").
  const showHint = hint && !error;
  const describedBy = [showHint && hintId, error && errorId].filter(Boolean).join(' ');
  const control: ControlProps = {
    id: controlId,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
    className:
      'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-invalid:border-red-600 dark:border-slate-600 dark:bg-slate-900 dark:aria-invalid:border-red-400',
  };

  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={controlId} className="block text-sm font-medium">
        {label}
      </label>
      {render({ ...control, ...(rest as unknown as Omit<P, keyof Frame>), name: props.name })}
      {showHint && (
        <p id={hintId} className="text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      )}
      {error && (
        <p
          id={errorId}
          className="text-sm text-red-700 dark:text-red-400"
          data-testid={`${props.name}-error`}
        >
          {error}
        </p>
      )}
    </div>
  );
}
