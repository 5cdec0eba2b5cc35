import type { InputHTMLAttributes, Ref } from 'react';
import { Field, type FieldProps } from './field.tsx';

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> &
  FieldProps & { ref?: Ref<HTMLInputElement> };

/** A labelled input whose hint and error are tied to it for assistive technology. */
export function TextField({ label, error, hint, id, className, ...input }: TextFieldProps) {
  return (
    <Field label={label} name={input.name} error={error} hint={hint} id={id} className={className}>
      {(control) => <input {...control} {...input} />}
    </Field>
  );
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
