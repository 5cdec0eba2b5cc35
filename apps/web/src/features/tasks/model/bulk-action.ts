import type { components } from '@taskflow/contract/openapi';
import { applyChanges } from './conflict.ts';
import type { Task } from './task-types.ts';

export type BulkAction = components['schemas']['BulkActionInput'];

/** Whether a label is in a list, compared as the API compares them (case-insensitively). */
const hasLabel = (labels: readonly string[], label: string) =>
  labels.some((l) => l.toLowerCase() === label.toLowerCase());

/**
 * The task as the action will leave it, for the board to show before the API answers; undefined
 * when the action takes it off the board (a deletion, a move).
 */
export function applyBulkAction(task: Task, action: BulkAction): Task | undefined {
  switch (action.type) {
    case 'status':
      return applyChanges(task, { status: action.status });
    case 'priority':
      return { ...task, priority: action.priority };
    case 'assignee':
      return { ...task, assigneeId: action.assigneeId };
    case 'addLabels':
      return {
        ...task,
        labels: [...task.labels, ...action.labels.filter((l) => !hasLabel(task.labels, l))],
      };
    case 'removeLabels':
      return { ...task, labels: task.labels.filter((l) => !hasLabel(action.labels, l)) };
    case 'delete':
    case 'move':
      return undefined;
  }
}

/** What the toast says once the action is done on `count` tasks. */
export function bulkDoneMessage(action: BulkAction, count: number): string {
  const tasks = count === 1 ? '1 task' : `${count} tasks`;
  switch (action.type) {
    case 'delete':
      return `Deleted ${tasks}`;
    case 'move':
      return `Moved ${tasks} to another workspace`;
    default:
      return `Updated ${tasks}`;
  }
}
