import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { type ReactNode, type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import { LoadMore } from '../../../components/load-more.tsx';
import { useTaskCounts } from '../api/get-task-counts.ts';
import { useTasks } from '../api/get-tasks.ts';
import type { ColumnDragData } from '../hooks/use-task-dnd.ts';
import { type BoardSearch, toFilterQuery, toListQuery } from '../model/board-search.ts';
import { type Member, statusLabels, type Task, type TaskStatus } from '../model/task-types.ts';
import { ListError, TaskSkeleton } from './board-states.tsx';
import { SortableTask } from './sortable-task.tsx';

export type ColumnProps = {
  workspaceId: string;
  status: TaskStatus;
  search: BoardSearch;
  members: ReadonlyMap<string, Member>;
  selectedId: string | null;
  onToggleDone: (task: Task) => void;
  /** The quick add that creates tasks in a column's status; `onClose` when it is done. */
  quickAdd: (
    status: TaskStatus,
    onClose: () => void,
    inputRef: RefObject<HTMLInputElement | null>,
  ) => ReactNode;
};

/**
 * One status: its own infinite list in manual order, a drop target even when empty, and a
 * "+ add" that opens a quick add for this status.
 */
export function KanbanColumn({
  workspaceId,
  status,
  search,
  members,
  selectedId,
  onToggleDone,
  quickAdd,
}: ColumnProps) {
  const [adding, setAdding] = useState(false);
  const addRef = useRef<HTMLButtonElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // Opened on purpose, by "+ add": typing is what comes next.
  useEffect(() => {
    if (adding) inputRef.current?.focus();
  }, [adding]);
  const closeAdd = () => {
    setAdding(false);
    addRef.current?.focus();
  };
  const tasks = useTasks(workspaceId, toListQuery(search, status));
  const total = useTaskCounts(workspaceId, toFilterQuery(search)).data?.[status];
  const items = useMemo(() => tasks.data?.pages.flatMap((page) => page.items) ?? [], [tasks.data]);
  const data: ColumnDragData = { type: 'column', status, ids: items.map((task) => task.id) };
  const droppable = useDroppable({ id: `column:${status}`, data });
  const headingId = `column-${status}`;

  return (
    <section
      ref={droppable.setNodeRef}
      aria-labelledby={headingId}
      className={`flex min-h-40 flex-col gap-2 rounded-lg border p-2 ${droppable.isOver ? 'border-indigo-500 bg-indigo-50 dark:bg-indigo-950' : 'border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900'}`}
      data-testid={`column-${status}`}
    >
      <div className="flex items-start justify-between gap-2">
        <h2 id={headingId} className="px-1 text-sm font-semibold">
          {statusLabels[status]}
          {tasks.isSuccess && (
            <span className="ml-2 font-normal text-slate-600 dark:text-slate-300">
              {/* Until the count comes, what is loaded, with a + if there is more. */}
              {total ?? `${items.length}${tasks.hasNextPage ? '+' : ''}`}
              <span className="sr-only"> tasks</span>
            </span>
          )}
        </h2>
        <button
          ref={addRef}
          type="button"
          aria-expanded={adding}
          aria-label={`Add a task to ${statusLabels[status]}`}
          onClick={() => (adding ? closeAdd() : setAdding(true))}
          className="shrink-0 rounded px-1.5 text-sm text-slate-700 hover:bg-slate-200 dark:text-slate-200 dark:hover:bg-slate-800"
          data-testid="column-add"
        >
          <span aria-hidden="true">+ add</span>
        </button>
      </div>
      {adding && quickAdd(status, closeAdd, inputRef)}
      {tasks.isPending && <TaskSkeleton rows={2} label={`Loading ${statusLabels[status]}…`} />}
      {tasks.isError && <ListError error={tasks.error} onRetry={() => void tasks.refetch()} />}
      <SortableContext id={status} items={items} strategy={verticalListSortingStrategy}>
        <ul aria-labelledby={headingId} className="flex flex-col gap-2">
          {items.map((task) => (
            <SortableTask
              key={task.id}
              task={task}
              selected={task.id === selectedId}
              className="flex items-start gap-2 rounded-md border border-slate-200 bg-white p-2 shadow-sm dark:border-slate-700 dark:bg-slate-950"
              members={members}
              onToggleDone={onToggleDone}
              dragByCard
            />
          ))}
        </ul>
      </SortableContext>
      {tasks.isSuccess && items.length === 0 && (
        <p className="px-1 py-4 text-center text-sm text-slate-600 dark:text-slate-300">
          No tasks here. Drop one to move it.
        </p>
      )}
      <LoadMore list={tasks} label={`Load more in ${statusLabels[status]}`} />
    </section>
  );
}
