import { describe, expect, it } from 'vitest';
import { aTask, listItem, pagesOf } from '../../../test/tasks.ts';
import {
  addToCount,
  asListItem,
  findTask,
  insertBeside,
  insertByPosition,
  removeTask,
  replaceTask,
} from './task-pages.ts';

const item = (title: string, position: string) => listItem(aTask({ title, position }));
const a = item('a', 'a0');
const c = item('c', 'a2');
const e = item('e', 'a4');
const titles = (data: ReturnType<typeof pagesOf>) =>
  data.pages.map((p) => p.items.map((t) => t.title));

describe('cached pages', () => {
  const data = pagesOf([[a, c], [e]]);

  it('inserts by position key, across pages', () => {
    expect(titles(insertByPosition(data, item('b', 'a1')))).toEqual([['a', 'b', 'c'], ['e']]);
    expect(titles(insertByPosition(data, item('d', 'a3')))).toEqual([
      ['a', 'c'],
      ['d', 'e'],
    ]);
  });

  it('leaves a task past the loaded pages to the page that will bring it', () => {
    const last = item('z', 'a9');
    expect(titles(insertByPosition(pagesOf([[a, c]], 'more'), last))).toEqual([['a', 'c']]);
    expect(titles(insertByPosition(pagesOf([[a, c]]), last))).toEqual([['a', 'c', 'z']]);
  });

  it('moves a task next to its new neighbour, or not at all when it is not loaded', () => {
    expect(titles(insertBeside(data, a, { afterId: e.id }) ?? data)).toEqual([['c'], ['e', 'a']]);
    expect(titles(insertBeside(data, e, { beforeId: a.id }) ?? data)).toEqual([
      ['e', 'a', 'c'],
      [],
    ]);
    expect(insertBeside(data, a, { afterId: 'not-loaded' })).toBeNull();
  });

  it('replaces and removes without touching the other tasks', () => {
    const renamed = { ...c, title: 'C' };
    expect(titles(replaceTask(data, renamed))).toEqual([['a', 'C'], ['e']]);
    expect(titles(removeTask(data, c.id))).toEqual([['a'], ['e']]);
    expect(removeTask(data, 'unknown')).toBe(data);
  });

  it('counts up and down on one task, never below zero', () => {
    const talked = addToCount(addToCount(data, c.id, 'comments', 1), c.id, 'attachments', 1);
    expect(findTask(talked, c.id)?.counts).toEqual({ comments: 1, attachments: 1 });
    expect(findTask(talked, a.id)?.counts).toEqual({ comments: 0, attachments: 0 });
    const removed = addToCount(addToCount(talked, c.id, 'comments', -1), c.id, 'comments', -1);
    expect(findTask(removed, c.id)?.counts).toEqual({ comments: 0, attachments: 1 });
    expect(addToCount(data, 'not-loaded', 'comments', 1)).toBe(data);
  });

  it('makes a list item of a task without counts: known ones kept, else none', () => {
    const { counts: _, ...plain } = c;
    const known = { comments: 3, attachments: 1 };
    expect(asListItem(plain, known)).toEqual({ ...c, counts: known });
    expect(asListItem({ ...plain, title: 'new' }, undefined).counts).toEqual({
      comments: 0,
      attachments: 0,
    });
  });
});
