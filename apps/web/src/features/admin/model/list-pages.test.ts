import type { InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { updateItem } from './list-pages.ts';

type Item = { id: string; state: string };
const data: InfiniteData<{ items: Item[]; nextCursor: string | null }, string | null> = {
  pages: [
    { items: [{ id: 'a', state: 'failed' }], nextCursor: 'c1' },
    { items: [{ id: 'b', state: 'failed' }], nextCursor: null },
  ],
  pageParams: [null, 'c1'],
};

describe('updateItem', () => {
  it('changes the item in whichever page holds it, and only that page', () => {
    const next = updateItem(data, 'b', (item) => ({ ...item, state: 'retry' }));
    expect(next.pages.map((page) => page.items)).toEqual([
      [{ id: 'a', state: 'failed' }],
      [{ id: 'b', state: 'retry' }],
    ]);
    expect(next.pages[0]).toBe(data.pages[0]);
    expect(next.pageParams).toBe(data.pageParams);
  });

  it('returns the same pages when the item is not there', () => {
    expect(updateItem(data, 'z', (item) => ({ ...item, state: 'x' }))).toBe(data);
  });
});
