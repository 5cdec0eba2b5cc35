import type { ReactNode, SelectHTMLAttributes } from 'react';
import { Field, type FieldProps } from './field.tsx';

/** A labelled select whose error is tied to it for assistive technology. */
export function SelectField(
  props: Omit<FieldProps<SelectHTMLAttributes<HTMLSelectElement>, HTMLSelectElement>, 'hint'> & {
    children: ReactNode;
  },
) {
  return <Field {...props} render={(select) => <select {...select} />} />;
}

/** One option a value, each shown by its label. */
export function SelectOptions<T extends string>({
  values,
  labels,
}: {
  values: readonly T[];
  labels: Record<T, string>;
}) {
  return values.map((value) => (
    <option key={value} value={value}>
      {labels[value]}
    </option>
  ));
}
