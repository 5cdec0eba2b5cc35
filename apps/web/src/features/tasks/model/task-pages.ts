import type { InfiniteData } from '@tanstack/react-query';
import type { Task, TaskPage } from './task-types.ts';

/** A cached list: the pages of an infinite query. */
export type TaskPages = InfiniteData<TaskPage, string | null>;

export type Placement = { afterId?: string | undefined; beforeId?: string | undefined };

const mapItems = (data: TaskPages, map: (items: Task[], pageIndex: number) => Task[]) => ({
  ...data,
  pages: data.pages.map((page, index) => ({ ...page, items: map(page.items, index) })),
});

export function findTask(data: TaskPages, id: string): Task | undefined {
  for (const page of data.pages) {
    const task = page.items.find((item) => item.id === id);
    if (task) return task;
  }
  return undefined;
}

export function replaceTask(data: TaskPages, task: Task): TaskPages {
  return mapItems(data, (items) => items.map((item) => (item.id === task.id ? task : item)));
}

export function removeTask(data: TaskPages, id: string): TaskPages {
  if (!findTask(data, id)) return data;
  return mapItems(data, (items) => items.filter((item) => item.id !== id));
}

function insertAt(data: TaskPages, pageIndex: number, itemIndex: number, task: Task): TaskPages {
  return mapItems(data, (items, index) =>
    index === pageIndex ? items.toSpliced(itemIndex, 0, task) : items,
  );
}

/** Puts `task` right after or before its anchor; unchanged when the anchor is not loaded. */
export function insertBeside(data: TaskPages, task: Task, placement: Placement): TaskPages | null {
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
export function insertByPosition(data: TaskPages, task: Task): TaskPages {
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
