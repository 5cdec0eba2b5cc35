import type { ReactNode, Ref, SelectHTMLAttributes } from 'react';
import { Field, type FieldProps } from './field.tsx';

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> &
  Omit<FieldProps, 'hint'> & { ref?: Ref<HTMLSelectElement>; children: ReactNode };

/** A labelled select whose error is tied to it for assistive technology. */
export function SelectField({ label, error, id, className, ...select }: SelectFieldProps) {
  return (
    <Field label={label} name={select.name} error={error} id={id} className={className}>
      {(control) => <select {...control} {...select} />}
    </Field>
  );
}
