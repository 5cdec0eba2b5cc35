import { zodResolver } from '@hookform/resolvers/zod';
import { CreateTaskBody } from '@taskflow/contract';
import type { RefObject } from 'react';
import { useForm } from 'react-hook-form';
import { applyServerErrors, parseOptions } from '../../../lib/form.ts';
import { useCreateTask } from '../api/create-task.ts';

/**
 * Type a title, press Enter: the task is created at the top of the board. The box empties at
 * once so the next title can follow; a refused title comes back with the reason beside it.
 */
export function QuickAdd({
  workspaceId,
  inputRef,
}: {
  workspaceId: string;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  const create = useCreateTask(workspaceId);
  const form = useForm({
    resolver: zodResolver(CreateTaskBody, parseOptions),
    defaultValues: { title: '' },
  });
  const { ref, ...field } = form.register('title');
  const error = form.formState.errors.title?.message;

  const onSubmit = form.handleSubmit(async (body) => {
    form.reset({ title: '' });
    await create.mutateAsync(body).catch((failure: unknown) => {
      form.setValue('title', body.title);
      const message = applyServerErrors(failure, form.setError, ['title']);
      if (message) form.setError('title', { type: 'server', message });
    });
  });

  return (
    <form noValidate onSubmit={onSubmit} data-testid="quick-add">
      <label htmlFor="quick-add-title" className="sr-only">
        Add a task
      </label>
      <input
        id="quick-add-title"
        ref={(element) => {
          ref(element);
          inputRef.current = element;
        }}
        {...field}
        autoComplete="off"
        placeholder="Add a task… (press c, then Enter)"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'quick-add-error' : undefined}
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2.5 text-sm aria-invalid:border-red-600 dark:border-slate-600 dark:bg-slate-900"
      />
      {error && (
        <p
          id="quick-add-error"
          className="mt-1 text-sm text-red-700 dark:text-red-400"
          data-testid="title-error"
        >
          {error}
        </p>
      )}
    </form>
  );
}
