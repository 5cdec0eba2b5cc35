import { useState } from 'react';
import {
  type FieldValues,
  get,
  type Path,
  type RegisterOptions,
  type UseFormReturn,
} from 'react-hook-form';
import { applyServerErrors } from './form.ts';

type FieldError<T extends FieldValues> = { field: Path<T>; message: string };

/**
 * The submit half of a form: clears the last message, sends the values, and puts a refusal
 * beside the fields it names or above the form. `field(name)` gives an input its registration
 * and its message.
 */
export function useSubmitForm<T extends FieldValues, C, V, R>(
  form: UseFormReturn<T, C, V>,
  {
    fields,
    send,
    onSuccess,
    fieldError,
  }: {
    /** The fields the API's errors may name. */
    fields: readonly Path<T>[];
    send: (values: V) => Promise<R> | undefined;
    onSuccess?: (result: R) => void;
    /** An error this form words itself, beside one field, before the general rule applies. */
    fieldError?: (error: unknown) => FieldError<T> | undefined;
  },
) {
  const [formError, setFormError] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    await send(values)?.then(onSuccess, (error: unknown) => {
      const own = fieldError?.(error);
      if (own) {
        form.setError(own.field, { type: 'server', message: own.message }, { shouldFocus: true });
      } else {
        setFormError(applyServerErrors(error, form.setError, fields));
      }
    });
  });

  function field<N extends Path<T>>(name: N, options?: RegisterOptions<T, N>) {
    const error: { message?: string } | undefined = get(form.formState.errors, name);
    return { error: error?.message, ...form.register(name, options) };
  }

  return { onSubmit, formError, setFormError, field, isSubmitting: form.formState.isSubmitting };
}
