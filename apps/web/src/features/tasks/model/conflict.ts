import type { components } from '@taskflow/contract/openapi';
import { ApiError } from '../../../api/api-error.ts';
import type { Task } from './task-types.ts';

type ConflictProblem = components['schemas']['TaskConflictProblem'];
export type TaskChanges = components['schemas']['UpdateTaskBodyInput'];

/** The task as it is now on the server, when `error` is a 412 refusing a stale write. */
export function conflictOf(error: unknown): Task | undefined {
  if (!(error instanceof ApiError) || error.code !== 'PRECONDITION_FAILED') return undefined;
  const current = (error.problem as Partial<ConflictProblem> | undefined)?.current;
  return current && typeof current.id === 'string' && typeof current.version === 'number'
    ? current
    : undefined;
}

/** The fields of `changes` that differ from the task they were made on. */
export function changedFields(task: Task, changes: TaskChanges): TaskChanges {
  const diff: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) {
    const before = task[key as keyof Task];
    if (value !== undefined && JSON.stringify(value) !== JSON.stringify(before)) {
      diff[key] = value;
    }
  }
  return diff as TaskChanges;
}

/** The task with the changes applied, as the server would return it (bar its version). */
export function applyChanges(task: Task, changes: TaskChanges): Task {
  const next = { ...task, ...changedFields(task, changes) };
  if (next.status !== task.status) {
    next.completedAt = next.status === 'done' ? new Date().toISOString() : null;
  }
  return next;
}
