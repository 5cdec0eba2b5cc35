/** The tasks feature's public face: what the composition root and other features may use. */

export { taskFilterConditions } from './task-filter-conditions.repository.ts';
export { type TaskFilters, TaskFiltersPayload, taskFiltersOf } from './task-filters.ts';
export { createTaskHistoryRepository } from './task-history.repository.ts';
export {
  callerIsMember,
  liveTasks,
  type TaskAccessScope,
  taskAccess,
} from './task-list.repository.ts';
export { statsReport } from './task-stats.service.ts';
export { dueRemindersJob } from './tasks.jobs.ts';
export { createTasksModule } from './tasks.module.ts';
export { type LabelTasks, labelTasks, type MemberTasks, memberTasks } from './tasks.service.ts';
