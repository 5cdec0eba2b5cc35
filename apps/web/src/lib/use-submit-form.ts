import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import {
  type DefaultValues,
  type FieldValues,
  get,
  type Path,
  type RegisterOptions,
  type UseFormReturn,
  useForm,
} from 'react-hook-form';
import type { z } from 'zod';
import { applyServerErrors, parseOptions } from './form.ts';

type FieldError<T extends FieldValues> = { field: Path<T>; message: string };

/**
 * A form checked against a contract schema, and its submit half: clears the last message, sends
 * the values, and puts a refusal beside the fields it names or above the form. `field(name)`
 * gives an input its registration and its message.
 */
export function useSubmitForm<I extends FieldValues, O, R>(
  schema: z.ZodType<O, I>,
  {
    defaultValues,
    fields,
    send,
    onSuccess,
    fieldError,
  }: {
    defaultValues?: DefaultValues<I>;
    /** The fields the API's errors may name. */
    fields: readonly Path<I>[];
    /** Sends the values; `undefined` when there is nothing to send. */
    send: (values: O) => Promise<R> | undefined;
    onSuccess?: (result: R, form: UseFormReturn<I, unknown, O>) => void;
    /** An error this form words itself, beside one field, before the general rule applies. */
    fieldError?: (error: unknown) => FieldError<I> | undefined;
  },
) {
  const form = useForm<I, unknown, O>({
    resolver: zodResolver(schema, parseOptions),
    ...(defaultValues && { defaultValues }),
  });
  const [formError, setFormError] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    await send(values)?.then(
      (result) => onSuccess?.(result, form),
      (error: unknown) => {
        const own = fieldError?.(error);
        if (own) {
          form.setError(own.field, { type: 'server', message: own.message }, { shouldFocus: true });
        } else {
          setFormError(applyServerErrors(error, form.setError, fields));
        }
      },
    );
  });

  function field<N extends Path<I>>(name: N, options?: RegisterOptions<I, N>) {
    const error: { message?: string } | undefined = get(form.formState.errors, name);
    return { error: error?.message, ...form.register(name, options) };
  }

  return {
    form,
    onSubmit,
    formError,
    setFormError,
    field,
    isSubmitting: form.formState.isSubmitting,
  };
}
