import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { PointerEvent, ReactNode } from 'react';
import type { TaskDragData } from '../hooks/use-task-dnd.ts';
import type { Member, Task, TaskListItem } from '../model/task-types.ts';
import { DragHandle } from './drag-handle.tsx';
import { CompleteCheckbox, TaskSummary } from './task-summary.tsx';

/**
 * A task that can be dragged by its handle (none while reordering is off), with its complete
 * checkbox and summary; `before` stands between the handle and the checkbox. `selected` is the
 * keyboard selection (j/k), shown as a ring. With `dragByCard`, a mouse or pen drags the whole
 * card (a click still opens it: the drag starts only after the pointer travels); the handle stays
 * what keyboards and fingers drag by, so a swipe over a card still scrolls.
 */
export function SortableTask({
  task,
  disabled = false,
  selected,
  className,
  members,
  onToggleDone,
  before,
  dragByCard = false,
}: {
  task: TaskListItem;
  disabled?: boolean;
  selected: boolean;
  className: string;
  members: ReadonlyMap<string, Member>;
  onToggleDone: (task: Task) => void;
  before?: ReactNode;
  dragByCard?: boolean;
}) {
  const data: TaskDragData = { type: 'task', task };
  const sortable = useSortable({ id: task.id, data, disabled });
  const { onPointerDown, ...keys } = sortable.listeners ?? {};
  const byCard = dragByCard && !disabled;
  const onPointer =
    (touch: boolean) =>
    (event: PointerEvent<HTMLElement>): void =>
      (event.pointerType === 'touch') === touch ? onPointerDown?.(event) : undefined;
  const handle = {
    ref: sortable.setActivatorNodeRef,
    attributes: sortable.attributes,
    listeners: byCard ? { ...keys, onPointerDown: onPointer(true) } : sortable.listeners,
  };
  return (
    <li
      ref={sortable.setNodeRef}
      style={{
        transform: CSS.Translate.toString(sortable.transform),
        transition: sortable.transition,
      }}
      onPointerDown={byCard ? onPointer(false) : undefined}
      className={`${className} ${byCard ? 'cursor-grab active:cursor-grabbing' : ''} ${selected ? 'ring-2 ring-indigo-500' : ''} ${sortable.isDragging ? 'opacity-50' : ''}`}
      data-task-id={task.id}
      data-focus-item=""
      data-testid="task-item"
    >
      {!disabled && <DragHandle handle={handle} title={task.title} />}
      {before}
      <CompleteCheckbox task={task} onToggle={onToggleDone} />
      <TaskSummary task={task} members={members} />
    </li>
  );
}
