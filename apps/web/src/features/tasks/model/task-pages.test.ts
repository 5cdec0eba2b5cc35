import { describe, expect, it } from 'vitest';
import { aTask, pagesOf } from '../../../test/tasks.ts';
import { insertBeside, insertByPosition, removeTask, replaceTask } from './task-pages.ts';

const a = aTask({ title: 'a', position: 'a0' });
const c = aTask({ title: 'c', position: 'a2' });
const e = aTask({ title: 'e', position: 'a4' });
const titles = (data: ReturnType<typeof pagesOf>) =>
  data.pages.map((p) => p.items.map((t) => t.title));

describe('cached pages', () => {
  const data = pagesOf([[a, c], [e]]);

  it('inserts by position key, across pages', () => {
    expect(titles(insertByPosition(data, aTask({ title: 'b', position: 'a1' })))).toEqual([
      ['a', 'b', 'c'],
      ['e'],
    ]);
    expect(titles(insertByPosition(data, aTask({ title: 'd', position: 'a3' })))).toEqual([
      ['a', 'c'],
      ['d', 'e'],
    ]);
  });

  it('leaves a task past the loaded pages to the page that will bring it', () => {
    const last = aTask({ title: 'z', position: 'a9' });
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
});
