import { type FormEvent, type RefObject, useMemo, useState } from 'react';
import { toast } from 'sonner';
import { ApiError } from '../../../api/api-error.ts';
import { humanMessage } from '../../../api/error-message.ts';
import { parseOptions } from '../../../lib/form.ts';
import { useCreateTask } from '../api/create-task.ts';
import { useLabels } from '../api/get-labels.ts';
import { useHiddenCheck } from '../api/task-cache.ts';
import { type BoardSearch, boardQueries } from '../model/board-search.ts';
import { bodyOf, chipsOf, readQuickAdd } from '../model/quick-add-line.ts';
import { type Member, statusLabels, type TaskStatus } from '../model/task-types.ts';
import { QuickAddChips } from './quick-add-chips.tsx';

const noLabels: string[] = [];

type CreateTaskCheck = typeof import('../model/create-task-check.ts')['CreateTaskBody'];

/*
 * zod and the task schemas are not needed to show the board: they load once the field has the
 * focus. Once loaded, a submit checks synchronously, as the field empties in the same event.
 */
let createTaskCheck: CreateTaskCheck | undefined;
let loadingCheck: Promise<CreateTaskCheck> | undefined;
function loadCreateTaskCheck(): Promise<CreateTaskCheck> {
  loadingCheck ??= import('../model/create-task-check.ts').then(({ CreateTaskBody }) => {
    createTaskCheck = CreateTaskBody;
    return CreateTaskBody;
  });
  return loadingCheck;
}

function failureMessage(failure: unknown) {
  const field = failure instanceof ApiError ? failure.fieldErrors.title : undefined;
  return field ?? humanMessage(failure);
}

/**
 * Type a line, press Enter: the task is created with what the line says (`tomorrow !high #web
 * @Sam`), previewed under the field before Enter. The box empties at once so the next line can
 * follow; a refused line comes back with the reason beside it, until it is edited. A task the
 * board's filters hide is announced, with a way to show it. Given a `status` (a kanban column's
 * own quick add), tasks are created in it, and Escape closes the field (`onClose`).
 */
export function QuickAdd({
  workspaceId,
  inputRef,
  members,
  search,
  onShowAll,
  status,
  onClose,
}: {
  workspaceId: string;
  inputRef?: RefObject<HTMLInputElement | null>;
  members: readonly Member[];
  search: BoardSearch;
  onShowAll: () => void;
  status?: TaskStatus;
  onClose?: () => void;
}) {
  const id = status ? `quick-add-${status}` : 'quick-add';
  const create = useCreateTask(workspaceId);
  const labels = useLabels(workspaceId).data ?? noLabels;
  const isHidden = useHiddenCheck(workspaceId);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const line = useMemo(() => readQuickAdd(text, members, labels), [text, members, labels]);
  const chips = chipsOf(line, members);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const check = createTaskCheck ?? (await loadCreateTaskCheck());
    const parsed = check.safeParse({ ...bodyOf(line), status }, parseOptions);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Enter a title');
      inputRef?.current?.focus();
      return;
    }
    const typed = text;
    const queries = boardQueries(search);
    setText('');
    setError(null);
    try {
      const task = await create.mutateAsync(parsed.data);
      if (isHidden(task, queries)) {
        toast(`Added “${task.title}”, which the board’s filters hide.`, {
          action: { label: 'Show', onClick: onShowAll },
        });
      }
    } catch (failure) {
      setText((now) => (now === '' ? typed : now));
      setError(failureMessage(failure));
    }
  }

  const describedBy = [error && `${id}-error`, chips.length > 0 && `${id}-preview`]
    .filter(Boolean)
    .join(' ');

  return (
    <form noValidate onSubmit={(event) => void submit(event)} data-testid="quick-add">
      <label htmlFor={`${id}-title`} className="sr-only">
        {status ? `Add a task to ${statusLabels[status]}` : 'Add a task'}
      </label>
      <input
        id={`${id}-title`}
        ref={inputRef}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && onClose) {
            event.stopPropagation();
            onClose();
          }
        }}
        name="title"
        value={text}
        onFocus={() => void loadCreateTaskCheck()}
        onChange={(event) => {
          setText(event.target.value);
          setError(null);
        }}
        // An empty field has nothing left to fix: its error goes with the attention.
        onBlur={() => text.trim() === '' && setError(null)}
        autoComplete="off"
        placeholder={
          status
            ? 'Title… !high #label @name'
            : 'Add a task… e.g. Ship it tomorrow !high #web @name'
        }
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2.5 text-sm aria-invalid:border-red-600 dark:border-slate-600 dark:bg-slate-900"
      />
      {error && (
        <p
          id={`${id}-error`}
          className="mt-1 text-sm text-red-700 dark:text-red-400"
          data-testid="title-error"
        >
          {error}
        </p>
      )}
      <QuickAddChips id={`${id}-preview`} chips={chips} />
    </form>
  );
}
