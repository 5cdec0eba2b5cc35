import type { InputHTMLAttributes } from 'react';
import { Field, type FieldProps } from './field.tsx';

type TextFieldProps = FieldProps<InputHTMLAttributes<HTMLInputElement>, HTMLInputElement>;

/** A labelled input whose hint and error are tied to it for assistive technology. */
export function TextField(props: TextFieldProps) {
  return <Field {...props} render={(input) => <input {...input} />} />;
}

/** A field that sets a new password, with what the password must be under it. */
export function NewPasswordField(props: Omit<TextFieldProps, 'type' | 'autoComplete' | 'hint'>) {
  return (
    <TextField
      type="password"
      autoComplete="new-password"
      hint="At least 8 characters. Common passwords are refused."
      {...props}
    />
  );
}
