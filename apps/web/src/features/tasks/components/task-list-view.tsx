import { closestCenter, DndContext, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useMemo, useState } from 'react';
import { LoadMore } from '../../../components/load-more.tsx';
import { useProgressiveList } from '../../../lib/use-progressive-list.ts';
import { useTasks } from '../api/get-tasks.ts';
import { useMoveTask } from '../api/move-task.ts';
import type { BulkSelection } from '../hooks/use-bulk-selection.ts';
import {
  screenReaderInstructions,
  taskAnnouncements,
  useTaskSensors,
} from '../hooks/use-task-dnd.ts';
import { effectiveSort, hasFilters, toListQuery } from '../model/board-search.ts';
import { planDrop } from '../model/neighbours.ts';
import { BoardEmpty, ListError, TaskSkeleton } from './board-states.tsx';
import { SelectAll, useShiftHeld } from './select-all.tsx';
import { SortableTask } from './sortable-task.tsx';
import type { TaskViewProps } from './task-view-props.ts';

const FIRST_ROWS = 15;

/** All matching tasks, one a row; dragged to reorder while in manual order. */
export function TaskListView({
  workspaceId,
  search,
  members,
  selectedId,
  onToggleDone,
  onClearFilters,
  onDraggingChange,
  ticks,
}: TaskViewProps & { ticks: BulkSelection }) {
  const tasks = useTasks(workspaceId, toListQuery(search));
  const move = useMoveTask(workspaceId);
  const sensors = useTaskSensors();
  const [announcements] = useState(() => taskAnnouncements(false));
  const loaded = useMemo(() => tasks.data?.pages.flatMap((page) => page.items) ?? [], [tasks.data]);
  // About a phone screen of rows first; the rest of the page follows without blocking input.
  const items = useProgressiveList(loaded, FIRST_ROWS);
  const reorderable = effectiveSort(search) === 'position';
  const order = useMemo(() => items.map((item) => item.id), [items]);
  const shift = useShiftHeld();

  if (tasks.isPending) return <TaskSkeleton />;
  if (tasks.isError) return <ListError error={tasks.error} onRetry={() => void tasks.refetch()} />;
  if (items.length === 0) {
    return <BoardEmpty filtered={hasFilters(search)} onClearFilters={onClearFilters} />;
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    onDraggingChange(false);
    const task = loaded.find((item) => item.id === active.id);
    if (!task || !over) return;
    const ids = loaded.map((item) => item.id);
    const plan = planDrop({
      taskId: task.id,
      fromStatus: task.status,
      toStatus: task.status,
      ids,
      overId: String(over.id),
      below: false,
    });
    if (plan) move.mutate({ task, ...plan });
  }

  return (
    <div className="space-y-2">
      {!reorderable && (
        <p className="text-xs text-slate-600 dark:text-slate-300">
          Sort by manual order to drag tasks into place.
        </p>
      )}
      <SelectAll order={order} ticks={ticks} />
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        accessibility={{ announcements, screenReaderInstructions }}
        onDragStart={() => onDraggingChange(true)}
        onDragCancel={() => onDraggingChange(false)}
        onDragEnd={onDragEnd}
      >
        <SortableContext items={items} strategy={verticalListSortingStrategy}>
          <ul
            aria-label="Tasks"
            className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800"
            data-testid="task-list"
          >
            {items.map((task) => (
              <SortableTask
                key={task.id}
                task={task}
                disabled={!reorderable}
                selected={task.id === selectedId}
                className="flex items-center gap-3 bg-white px-3 py-2 dark:bg-slate-950"
                members={members}
                onToggleDone={onToggleDone}
                before={
                  <input
                    type="checkbox"
                    name="selected"
                    value={task.id}
                    checked={ticks.checked.has(task.id)}
                    {...shift.handlers}
                    onChange={(event) =>
                      ticks.tick(order, task.id, event.target.checked, shift.held.current)
                    }
                    aria-label={`Select “${task.title}”`}
                    className="h-4 w-4 shrink-0"
                    data-testid="task-select"
                  />
                }
              />
            ))}
          </ul>
        </SortableContext>
      </DndContext>
      <LoadMore list={tasks} label="Load more tasks" />
    </div>
  );
}
