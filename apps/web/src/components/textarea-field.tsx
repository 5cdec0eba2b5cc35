import type { Ref, TextareaHTMLAttributes } from 'react';
import { Field, type FieldProps } from './field.tsx';

type TextareaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> &
  FieldProps & { ref?: Ref<HTMLTextAreaElement> };

/** A labelled multi-line input whose hint and error are tied to it. */
export function TextareaField({ label, error, hint, id, className, ...area }: TextareaFieldProps) {
  return (
    <Field label={label} name={area.name} error={error} hint={hint} id={id} className={className}>
      {(control) => <textarea {...control} {...area} />}
    </Field>
  );
}
