import {
  closestCorners,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useState } from 'react';
import { SMALL_SCREEN, useMediaQuery } from '../../../lib/media-query.ts';
import { useMoveTask } from '../api/move-task.ts';
import {
  dragData,
  screenReaderInstructions,
  taskAnnouncements,
  useTaskSensors,
} from '../hooks/use-task-dnd.ts';
import { planDrop } from '../model/neighbours.ts';
import { TASK_STATUSES, type Task } from '../model/task-types.ts';
import { type ColumnProps, KanbanColumn } from './kanban-column.tsx';
import { TaskMeta } from './task-meta.tsx';
import type { TaskViewProps } from './task-view-props.ts';

/** Where a drop lands: the card or column under the task, and the ids of that column. */
function dropOf({ active, over }: DragEndEvent) {
  const target = dragData(over);
  if (!over || !target) return undefined;
  if (target.type === 'column') {
    return { status: target.status, ids: target.ids, overId: null, below: false };
  }
  const ids = (target.sortable?.items ?? []).map(String);
  const dragged = active.rect.current.translated;
  const below = dragged
    ? dragged.top + dragged.height / 2 > over.rect.top + over.rect.height / 2
    : false;
  return { status: target.task.status, ids, overId: String(over.id), below };
}

/** One column per status (those the filter keeps); tasks are dragged between and within them. */
export function KanbanView(
  props: Omit<TaskViewProps, 'onClearFilters'> & Pick<ColumnProps, 'quickAdd'>,
) {
  const { workspaceId, search, onDraggingChange } = props;
  const move = useMoveTask(workspaceId);
  const sensors = useTaskSensors();
  const [dragged, setDragged] = useState<Task | null>(null);
  const [announcements] = useState(() => taskAnnouncements(true));
  const statuses = search.status ?? TASK_STATUSES;
  const small = useMediaQuery(SMALL_SCREEN);

  function onDragStart({ active }: DragStartEvent) {
    const data = dragData(active);
    setDragged(data?.type === 'task' ? data.task : null);
    onDraggingChange(true);
  }

  function onDragEnd(event: DragEndEvent) {
    setDragged(null);
    onDraggingChange(false);
    const data = dragData(event.active);
    const drop = dropOf(event);
    if (data?.type !== 'task' || !drop) return;
    const { task } = data;
    const plan = planDrop({
      taskId: task.id,
      fromStatus: task.status,
      toStatus: drop.status,
      ids: drop.ids,
      overId: drop.overId,
      below: drop.below,
    });
    if (plan) move.mutate({ task, ...plan });
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCorners}
      accessibility={{ announcements, screenReaderInstructions }}
      onDragStart={onDragStart}
      onDragCancel={() => {
        setDragged(null);
        onDraggingChange(false);
      }}
      onDragEnd={onDragEnd}
    >
      {/* On a phone the columns scroll sideways inside the board, one per swipe, the next one
          peeking in; the page itself never scrolls sideways (`relative`: the columns' visually
          hidden text, absolutely placed, is then clipped by this box rather than widening the
          page). Focusable there, so the keyboard scrolls it even when no column has a control. */}
      <section
        aria-label="Kanban columns"
        tabIndex={small ? 0 : undefined}
        className="relative flex snap-x snap-mandatory gap-4 overflow-x-auto pb-2 max-md:*:w-[85%] max-md:*:shrink-0 max-md:*:snap-start md:grid md:grid-cols-3 md:overflow-visible md:pb-0"
        data-testid="kanban"
      >
        {statuses.map((status) => (
          <KanbanColumn key={status} status={status} {...props} />
        ))}
      </section>
      <DragOverlay>
        {dragged && (
          <div className="rounded-md border border-indigo-500 bg-white p-2 shadow-lg dark:bg-slate-950">
            <p className="text-sm font-medium">{dragged.title}</p>
            <TaskMeta task={dragged} members={props.members} />
          </div>
        )}
      </DragOverlay>
    </DndContext>
  );
}
