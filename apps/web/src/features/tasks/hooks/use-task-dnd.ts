import {
  type Active,
  type Announcements,
  KeyboardSensor,
  type Over,
  PointerSensor,
  type ScreenReaderInstructions,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { statusLabels, type Task, type TaskStatus } from '../model/task-types.ts';

/** What a dragged task, or the task under it, tells the drop handlers. */
export type TaskDragData = { type: 'task'; task: Task };

/** What a kanban column tells the drop handlers when a task is dropped on its empty space. */
export type ColumnDragData = { type: 'column'; status: TaskStatus; ids: string[] };

/** dnd-kit's sortable adds where the task sits in its list. */
type DragData =
  | (TaskDragData & { sortable?: { items: (string | number)[]; index: number } })
  | ColumnDragData;

export const dragData = (node: Active | Over | null): DragData | undefined =>
  node?.data.current as DragData | undefined;

/** The pointer must travel a little before a drag starts, so a click stays a click. */
export function useTaskSensors() {
  return useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
}

export const screenReaderInstructions: ScreenReaderInstructions = {
  draggable:
    'To move a task, press Space or Enter on its handle, then the arrow keys: up and down within a list, left and right to another column. Press Space or Enter again to drop it, or Escape to cancel.',
};

const titleOf = (active: Active) => {
  const data = dragData(active);
  return data?.type === 'task' ? `“${data.task.title}”` : 'The task';
};

/** Where the dragged task is, in words: the place in the list or column it is over. */
function placeOf(over: Over | null, inColumns: boolean): string | undefined {
  const data = dragData(over);
  if (!data) return undefined;
  if (data.type === 'column') return `the end of ${statusLabels[data.status]}`;
  const place = data.sortable
    ? `position ${data.sortable.index + 1} of ${data.sortable.items.length}`
    : `“${data.task.title}”`;
  return inColumns ? `${place} in ${statusLabels[data.task.status]}` : place;
}

/** What a screen reader hears while a task is dragged in the list or between columns. */
export function taskAnnouncements(inColumns: boolean): Announcements {
  // A drag starts over the task itself: that first "over" would drown out "Picked up".
  let justPickedUp = false;
  return {
    onDragStart: ({ active }) => {
      justPickedUp = true;
      return `Picked up ${titleOf(active)}.`;
    },
    onDragOver: ({ active, over }) => {
      const first = justPickedUp;
      justPickedUp = false;
      if (first && over?.id === active.id) return undefined;
      const place = placeOf(over, inColumns);
      return place ? `${titleOf(active)} is over ${place}.` : `${titleOf(active)} is over no list.`;
    },
    onDragEnd: ({ active, over }) => {
      const place = placeOf(over, inColumns);
      return place
        ? `${titleOf(active)} was dropped at ${place}.`
        : `${titleOf(active)} was put back.`;
    },
    onDragCancel: ({ active }) => `Moving ${titleOf(active)} was cancelled; it is back in place.`,
  };
}
