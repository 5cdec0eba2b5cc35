/**
 * The data of the task benchmarks: `taskflow seed` with one member and a workspace of 10,000
 * tasks, a copy of it whose tasks have comments and files, and the requests made on them
 * (list-20 filtered and sorted, on each; get-1, create).
 */
import { type Fixture, isObject, seed, type Target } from './app.ts';
import {
  ATTACHMENTS_PER_TASK,
  COMMENTS_PER_TASK,
  seedCountedWorkspace,
} from './counted-workspace.ts';

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

/** A page of the counted workspace: each task with its live comments and ready files counted. */
export const isCountedPage = (body: unknown) =>
  isPage(body) &&
  (body as { items: unknown[] }).items.every((item) => {
    // The app answers `counts`; the reference server, the row's columns.
    const row = item as { counts?: { comments: number; attachments: number } } & Record<
      string,
      unknown
    >;
    const comments = row.counts?.comments ?? row.comment_count;
    const attachments = row.counts?.attachments ?? row.attachment_count;
    return comments === COMMENTS_PER_TASK - 1 && attachments === ATTACHMENTS_PER_TASK - 1;
  });

/** The seeded workspace, and its copy whose tasks have comments and files. */
export function seedTasks(target: Target): Fixture {
  const fixture = seed(target, 1, TASK_COUNT);
  return { ...fixture, countedWorkspaceId: seedCountedWorkspace(target, fixture.workspaceId) };
}

/** How the report names the requests, with the workspace id left as `{id}`. */
export const shownPaths = {
  list: listPath('{id}'),
  'list-counts': listPath('{countedId}'),
  get: `${tasksPath('{id}')}/{taskId}`,
  create: tasksPath('{id}'),
};
