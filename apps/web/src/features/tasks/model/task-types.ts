import type { components, paths } from '@taskflow/contract/openapi';

export type Task = components['schemas']['Task'];
export type TaskStatus = components['schemas']['TaskStatus'];
export type TaskPriority = components['schemas']['TaskPriority'];
export type TaskSort = components['schemas']['TaskSortInput'];
export type Member = components['schemas']['Member'];
/** A task as a list brings it: with the counts its card shows. */
export type TaskListItem = components['schemas']['TaskListItem'];
export type TaskCounts = TaskListItem['counts'];
export type TaskPage = components['schemas']['TaskList'];
/** The query of `GET …/tasks`: what one cached list was asked with. */
export type ListQuery = NonNullable<
  paths['/api/v1/workspaces/{workspaceId}/tasks']['get']['parameters']['query']
>;

/** Records keyed by the generated unions, so a value added to the API fails the type check here. */
export const statusLabels: Record<TaskStatus, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  done: 'Done',
};

export const priorityLabels: Record<TaskPriority, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  urgent: 'Urgent',
};

export const sortLabels: Record<TaskSort, string> = {
  position: 'Manual order',
  updated: 'Recently updated',
  created: 'Recently created',
  due: 'Due date',
  priority: 'Priority',
  relevance: 'Best match',
};

const keysOf = <K extends string>(record: Record<K, string>) => Object.keys(record) as K[];

export const TASK_STATUSES = keysOf(statusLabels);
export const TASK_PRIORITIES = keysOf(priorityLabels);
export const TASK_SORTS = keysOf(sortLabels);
