import type { Placement } from './task-pages.ts';
import type { TaskStatus } from './task-types.ts';

/**
 * Where a dropped task now sits, in the terms of the move endpoint: right after the task above
 * it, or right before the one below when it went to the top. Empty when it is alone in its list.
 */
export function placementIn(orderedIds: readonly string[], movedId: string): Placement {
  const index = orderedIds.indexOf(movedId);
  if (index < 0) throw new Error(`The moved task ${movedId} is not in the list`);
  if (index > 0) return { afterId: orderedIds[index - 1] };
  const below = orderedIds[index + 1];
  return below ? { beforeId: below } : {};
}

/** The same ids in the same order: the drop changed nothing worth a request. */
export function sameOrder(before: readonly string[], after: readonly string[]): boolean {
  return before.length === after.length && before.every((id, index) => after[index] === id);
}

type Drop = {
  taskId: string;
  fromStatus: TaskStatus;
  toStatus: TaskStatus;
  /** The list dropped into, in the order shown when the drag started. */
  ids: readonly string[];
  /** The task dropped on, or null for the list itself (its end, or an empty list). */
  overId: string | null;
  /** Dropped on the lower half of `overId` (only read when coming from another list). */
  below: boolean;
};

type PlannedMove = { status?: TaskStatus } & Placement;

/** Within its own list a task takes the place of the one it is dropped on, as it is shown. */
function orderAfterDrop({ taskId, ids, overId, below }: Drop): string[] {
  const rest = ids.filter((id) => id !== taskId);
  if (ids.includes(taskId) && overId !== null) {
    return rest.toSpliced(ids.indexOf(overId), 0, taskId);
  }
  const overIndex = overId === null ? -1 : rest.indexOf(overId);
  const at = overIndex < 0 ? rest.length : overIndex + (below ? 1 : 0);
  return rest.toSpliced(at, 0, taskId);
}

/** The move request for a drop, or null when the task lands where it already was. */
export function planDrop(drop: Drop): PlannedMove | null {
  const order = orderAfterDrop(drop);
  const statusChanged = drop.toStatus !== drop.fromStatus;
  if (!statusChanged && sameOrder(drop.ids, order)) return null;
  const placement = placementIn(order, drop.taskId);
  return statusChanged ? { status: drop.toStatus, ...placement } : placement;
}
