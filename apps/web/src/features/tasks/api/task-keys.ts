import type { FilterQuery, ListQuery } from '../model/task-types.ts';

/** Every cached task query of a workspace starts with `all`: one prefix to cancel or refresh. */
export const taskKeys = {
  all: (workspaceId: string) => ['tasks', workspaceId] as const,
  lists: (workspaceId: string) => [...taskKeys.all(workspaceId), 'list'] as const,
  list: (workspaceId: string, query: ListQuery) => [...taskKeys.lists(workspaceId), query] as const,
  /** Under `all`, so every task mutation's settling refreshes them too. */
  allCounts: (workspaceId: string) => [...taskKeys.all(workspaceId), 'counts'] as const,
  counts: (workspaceId: string, query: FilterQuery) =>
    [...taskKeys.allCounts(workspaceId), query] as const,
  detail: (workspaceId: string, taskId: string) =>
    [...taskKeys.all(workspaceId), 'detail', taskId] as const,
  /** Under the detail, so that it goes when the task does. */
  follow: (workspaceId: string, taskId: string) =>
    [...taskKeys.detail(workspaceId, taskId), 'follow'] as const,
  /** A task's comments, history and files, under its detail: they go with it. */
  comments: (workspaceId: string, taskId: string) =>
    [...taskKeys.detail(workspaceId, taskId), 'comments'] as const,
  history: (workspaceId: string, taskId: string) =>
    [...taskKeys.detail(workspaceId, taskId), 'history'] as const,
  attachments: (workspaceId: string, taskId: string) =>
    [...taskKeys.detail(workspaceId, taskId), 'attachments'] as const,
  labels: (workspaceId: string) => [...taskKeys.all(workspaceId), 'labels'] as const,
  /** The labels with their colours; refreshed with the tasks (a new label shows up neutral). */
  labelDefinitions: (workspaceId: string) =>
    [...taskKeys.all(workspaceId), 'label-definitions'] as const,
  /** That a task was deleted: not under its detail, which goes with the task. */
  deletion: (workspaceId: string, taskId: string) =>
    [...taskKeys.all(workspaceId), 'deletion', taskId] as const,
};
