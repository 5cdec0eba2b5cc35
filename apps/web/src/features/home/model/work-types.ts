import type { components } from '@taskflow/contract/openapi';

export type MyWork = components['schemas']['MyWork'];
export type MyWorkGroup = components['schemas']['MyWorkGroup'];
export type MyWorkTask = components['schemas']['MyWorkTask'];
type GroupKey = components['schemas']['MyWorkGroupKey'];
type TaskStatus = components['schemas']['TaskStatus'];

/** Records keyed by the generated unions, so a value added to the API fails the type check here. */
export const groupTitles: Record<GroupKey, string> = {
  overdue: 'Overdue',
  today: 'Today',
  thisWeek: 'This week',
  later: 'Later',
  noDate: 'No due date',
};

export const statusNames: Record<TaskStatus, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  done: 'Done',
};
