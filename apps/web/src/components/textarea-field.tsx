import { type Ref, type TextareaHTMLAttributes, useId } from 'react';

type TextareaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  ref?: Ref<HTMLTextAreaElement>;
};

/** A labelled multi-line input whose hint and error are tied to it. */
export function TextareaField({
  label,
  error,
  hint,
  id,
  className = '',
  ...area
}: TextareaFieldProps) {
  const generatedId = useId();
  const areaId = id ?? generatedId;
  const describedBy = [hint && `${areaId}-hint`, error && `${areaId}-error`].filter(Boolean);
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={areaId} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        id={areaId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy.join(' ') || undefined}
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-invalid:border-red-600 dark:border-slate-600 dark:bg-slate-900 dark:aria-invalid:border-red-400"
        {...area}
      />
      {hint && (
        <p id={`${areaId}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      )}
      {error && (
        <p
          id={`${areaId}-error`}
          className="text-sm text-red-700 dark:text-red-400"
          data-testid={`${area.name}-error`}
        >
          {error}
        </p>
      )}
    </div>
  );
}
