import { UpdateTaskBody } from '@taskflow/contract';
import { type RefObject, useEffect, useState } from 'react';
import { Controller, type FieldErrors, useWatch } from 'react-hook-form';
import { Button } from '../../../components/button.tsx';
import { SelectField, SelectOptions } from '../../../components/select-field.tsx';
import { SubmitButton, SubmitForm } from '../../../components/submit-form.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { TextareaField } from '../../../components/textarea-field.tsx';
import { useSubmitForm } from '../../../lib/use-submit-form.ts';
import { changedFields, type TaskChanges } from '../model/conflict.ts';
import {
  type Member,
  priorityLabels,
  statusLabels,
  TASK_PRIORITIES,
  TASK_STATUSES,
  type Task,
} from '../model/task-types.ts';
import { LabelsField } from './labels-field.tsx';
import { MemberOptions } from './member-options.tsx';
import { StatusIcon } from './status-icon.tsx';

const fields = [
  'title',
  'description',
  'status',
  'priority',
  'dueDate',
  'assigneeId',
  'labels',
] as const;
const orNull = (value: unknown) => (value === '' ? null : value);

function labelsError(errors: FieldErrors<{ labels?: string[] }>) {
  const error = errors.labels;
  if (!error) return undefined;
  return error.message ?? (Array.isArray(error) ? error.find(Boolean)?.message : undefined);
}

/**
 * Every field of a task. Only what changed is sent; `onSubmit` rejects with the API's error,
 * whose field messages then show beside their inputs.
 *
 * The form stays on the version it opened with, though live updates bring newer ones into
 * `task`: the save is compared with, and conditional on, what the person saw, so that a change
 * made meanwhile by someone else shows as a conflict instead of being overwritten.
 */
export function TaskForm({
  task,
  members,
  onSubmit,
  onCancel,
  onDelete,
  isDirty,
}: {
  task: Task;
  members: readonly Member[];
  onSubmit: (changes: TaskChanges, base: Task) => Promise<void>;
  onCancel: () => void;
  onDelete: () => void;
  /** Set to a check of whether the form holds edits not saved yet. */
  isDirty?: RefObject<() => boolean>;
}) {
  const [base] = useState(task);
  const submit = useSubmitForm(UpdateTaskBody, {
    defaultValues: {
      title: base.title,
      description: base.description,
      status: base.status,
      priority: base.priority,
      dueDate: base.dueDate,
      assigneeId: base.assigneeId,
      labels: base.labels,
    },
    fields,
    send: (values) => {
      const changes = changedFields(base, values);
      if (Object.keys(changes).length === 0) return void onCancel();
      return onSubmit(changes, base);
    },
  });

  // The form replaces a loading skeleton, after the dialog has placed focus: take it to the title.
  const { form } = submit;
  useEffect(() => form.setFocus('title'), [form]);
  useEffect(() => {
    if (!isDirty) return;
    isDirty.current = () => Object.keys(changedFields(base, form.getValues())).length > 0;
    return () => {
      isDirty.current = () => false;
    };
  }, [isDirty, base, form]);
  const status = useWatch({ control: form.control, name: 'status' }) ?? base.status;

  return (
    <SubmitForm submit={submit} errorTestId="task-form-error" testId="task-form">
      <TextField label="Title" autoComplete="off" {...submit.field('title')} />
      <TextareaField
        label="Description"
        rows={5}
        hint="Markdown is fine."
        {...submit.field('description')}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="flex items-end gap-2">
          <div className="min-w-0 flex-1">
            <SelectField label="Status" {...submit.field('status')}>
              <SelectOptions values={TASK_STATUSES} labels={statusLabels} />
            </SelectField>
          </div>
          <StatusIcon status={status} className="mb-2.5 h-5 w-5" />
        </div>
        <SelectField label="Priority" {...submit.field('priority')}>
          <SelectOptions values={TASK_PRIORITIES} labels={priorityLabels} />
        </SelectField>
        <TextField
          label="Due date"
          type="date"
          {...submit.field('dueDate', { setValueAs: orNull })}
        />
        <SelectField label="Assignee" {...submit.field('assigneeId', { setValueAs: orNull })}>
          <option value="">Unassigned</option>
          <MemberOptions members={members} />
        </SelectField>
      </div>
      <Controller
        control={form.control}
        name="labels"
        render={({ field }) => (
          <LabelsField
            workspaceId={base.workspaceId}
            value={field.value ?? []}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={labelsError(form.formState.errors)}
          />
        )}
      />
      <div className="flex flex-wrap items-center justify-between gap-3 pt-2">
        <Button variant="danger" onClick={onDelete} data-testid="task-delete">
          Delete task
        </Button>
        <div className="flex gap-3">
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <SubmitButton busy={submit.isSubmitting} busyLabel="Saving…">
            Save changes
          </SubmitButton>
        </div>
      </div>
    </SubmitForm>
  );
}
