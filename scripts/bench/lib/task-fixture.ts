/**
 * The data of the task benchmarks: `taskflow seed` with one member and a workspace of 10,000
 * tasks, and the requests made on it (list-20 filtered and sorted, get-1, create).
 */
import { isObject, seed, type Target } from './app.ts';

export const TASK_COUNT = 10_000;

export const createBody = { title: 'A task made under load', priority: 'high', labels: ['bench'] };

export const tasksPath = (workspaceId: string) => `/api/v1/workspaces/${workspaceId}/tasks`;
/** The list the benchmarks load: filtered by status, sorted by due date, 20 a page. */
export const listPath = (workspaceId: string) =>
  `${tasksPath(workspaceId)}?status=todo,in_progress&sort=due&limit=20`;
/** The task get-1 reads: the first of the workspace by position. */
export const firstTaskPath = (workspaceId: string) =>
  `${tasksPath(workspaceId)}?sort=position&limit=1`;

export const isPage = (body: unknown) =>
  isObject(body) && Array.isArray(body.items) && body.items.length === 20;

export const seedTasks = (target: Target) => seed(target, 1, TASK_COUNT);

/** How the report names the requests, with the workspace id left as `{id}`. */
export const shownPaths = {
  list: listPath('{id}'),
  get: `${tasksPath('{id}')}/{taskId}`,
  create: tasksPath('{id}'),
};
