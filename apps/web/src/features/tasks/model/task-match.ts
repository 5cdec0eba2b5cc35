import type { ListQuery, Task } from './task-types.ts';

const listOf = (value: string | undefined) => (value ? value.split(',') : undefined);

/**
 * Whether a task belongs in a list asked with `query`, as far as this side can tell: `undefined`
 * when it depends on what only the server knows (full-text matches, who `me` is).
 */
export function matchesQuery(task: Task, query: ListQuery): boolean | undefined {
  const statuses = listOf(query.status);
  if (statuses && !statuses.includes(task.status)) return false;
  const priorities = listOf(query.priority);
  if (priorities && !priorities.includes(task.priority)) return false;
  if (query.label !== undefined && !task.labels.includes(query.label)) return false;
  if (query.dueBefore !== undefined && !(task.dueDate && task.dueDate <= query.dueBefore)) {
    return false;
  }
  if (query.dueAfter !== undefined && !(task.dueDate && task.dueDate >= query.dueAfter)) {
    return false;
  }
  const assignee = assigneeMatch(task, query.assignee);
  if (assignee === false) return false;
  if (query.q !== undefined || assignee === undefined) return undefined;
  return true;
}

function assigneeMatch(task: Task, assignee: ListQuery['assignee']): boolean | undefined {
  if (assignee === undefined) return true;
  if (assignee === 'none') return task.assigneeId === null;
  if (assignee === 'me') return task.assigneeId === null ? false : undefined;
  return task.assigneeId === assignee;
}

/** The order the list is sorted in, as the API applies its default. */
export function sortOf(query: ListQuery) {
  return query.sort ?? (query.q ? 'relevance' : 'position');
}
