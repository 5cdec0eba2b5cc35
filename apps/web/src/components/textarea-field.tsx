import type { TextareaHTMLAttributes } from 'react';
import { Field, type FieldProps } from './field.tsx';

/** A labelled multi-line input whose hint and error are tied to it. */
export function TextareaField(
  props: FieldProps<TextareaHTMLAttributes<HTMLTextAreaElement>, HTMLTextAreaElement>,
) {
  return <Field {...props} render={(area) => <textarea {...area} />} />;
}
