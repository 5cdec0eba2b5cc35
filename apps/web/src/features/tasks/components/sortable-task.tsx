import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { ReactNode } from 'react';
import type { TaskDragData } from '../hooks/use-task-dnd.ts';
import type { Task } from '../model/task-types.ts';
import type { HandleProps } from './drag-handle.tsx';

/**
 * A task that can be dragged by its handle (`null` while reordering is off). `selected` is the
 * keyboard selection (j/k), shown as a ring.
 */
export function SortableTask({
  task,
  disabled = false,
  selected,
  className,
  children,
}: {
  task: Task;
  disabled?: boolean;
  selected: boolean;
  className: string;
  children: (handle: HandleProps | null) => ReactNode;
}) {
  const data: TaskDragData = { type: 'task', task };
  const sortable = useSortable({ id: task.id, data, disabled });
  const handle = {
    ref: sortable.setActivatorNodeRef,
    attributes: sortable.attributes,
    listeners: sortable.listeners,
  };
  return (
    <li
      ref={sortable.setNodeRef}
      style={{
        transform: CSS.Translate.toString(sortable.transform),
        transition: sortable.transition,
      }}
      className={`${className} ${selected ? 'ring-2 ring-indigo-500' : ''} ${sortable.isDragging ? 'opacity-50' : ''}`}
      data-task-id={task.id}
      data-testid="task-item"
    >
      {children(disabled ? null : handle)}
    </li>
  );
}
