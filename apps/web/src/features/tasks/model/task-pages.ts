import type { InfiniteData } from '@tanstack/react-query';
import type { Task, TaskCounts, TaskListItem, TaskPage } from './task-types.ts';

/** A cached list: the pages of an infinite query. */
export type TaskPages = InfiniteData<TaskPage, string | null>;

export type Placement = { afterId?: string | undefined; beforeId?: string | undefined };

const mapItems = (
  data: TaskPages,
  map: (items: TaskListItem[], pageIndex: number) => TaskListItem[],
) => ({
  ...data,
  pages: data.pages.map((page, index) => ({ ...page, items: map(page.items, index) })),
});

const noCounts: TaskCounts = { comments: 0, attachments: 0 };

/**
 * A task as a list holds it. A task from a write or a live event comes without counts (only lists
 * have them): it keeps those the cache already knew, and a task new to the cache has none yet.
 */
export const asListItem = (task: Task, known: TaskCounts | undefined): TaskListItem => ({
  ...task,
  counts: known ?? noCounts,
});

/** `delta` more (or fewer) of one count of a task, never below zero; unchanged when not loaded. */
export function addToCount(
  data: TaskPages,
  id: string,
  count: keyof TaskCounts,
  delta: number,
): TaskPages {
  const task = findTask(data, id);
  if (!task) return data;
  const counts = { ...task.counts, [count]: Math.max(0, task.counts[count] + delta) };
  return replaceTask(data, { ...task, counts });
}

export function findTask(data: TaskPages, id: string): TaskListItem | undefined {
  for (const page of data.pages) {
    const task = page.items.find((item) => item.id === id);
    if (task) return task;
  }
  return undefined;
}

export function replaceTask(data: TaskPages, task: TaskListItem): TaskPages {
  return mapItems(data, (items) => items.map((item) => (item.id === task.id ? task : item)));
}

export function removeTask(data: TaskPages, id: string): TaskPages {
  if (!findTask(data, id)) return data;
  return mapItems(data, (items) => items.filter((item) => item.id !== id));
}

function insertAt(
  data: TaskPages,
  pageIndex: number,
  itemIndex: number,
  task: TaskListItem,
): TaskPages {
  return mapItems(data, (items, index) =>
    index === pageIndex ? items.toSpliced(itemIndex, 0, task) : items,
  );
}

/** Puts `task` right after or before its anchor; unchanged when the anchor is not loaded. */
export function insertBeside(
  data: TaskPages,
  task: TaskListItem,
  placement: Placement,
): TaskPages | null {
  const anchorId = placement.afterId ?? placement.beforeId;
  const rest = removeTask(data, task.id);
  for (const [pageIndex, page] of rest.pages.entries()) {
    const index = page.items.findIndex((item) => item.id === anchorId);
    if (index >= 0) return insertAt(rest, pageIndex, placement.afterId ? index + 1 : index, task);
  }
  return null;
}

/**
 * Puts `task` where its position key sorts (byte order, as the API sorts it). A task that sorts
 * past the last loaded item of a list with more pages is left to the page that will hold it.
 */
export function insertByPosition(data: TaskPages, task: TaskListItem): TaskPages {
  const rest = removeTask(data, task.id);
  for (const [pageIndex, page] of rest.pages.entries()) {
    const index = page.items.findIndex((item) => item.position > task.position);
    if (index >= 0) return insertAt(rest, pageIndex, index, task);
  }
  const lastIndex = rest.pages.length - 1;
  const last = rest.pages[lastIndex];
  if (!last || last.nextCursor !== null) return rest;
  return insertAt(rest, lastIndex, last.items.length, task);
}
