import type { InfiniteData } from '@tanstack/react-query';

type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * The cached pages of a list with one item changed by `change` (matched by id), or the same
 * pages when it is not there, so that an unaffected cache entry does not re-render.
 */
export function updateItem<T extends { id: string }>(
  data: InfiniteData<Page<T>, string | null>,
  id: string,
  change: (item: T) => T,
): InfiniteData<Page<T>, string | null> {
  let found = false;
  const pages = data.pages.map((page) => {
    if (!page.items.some((item) => item.id === id)) return page;
    found = true;
    return { ...page, items: page.items.map((item) => (item.id === id ? change(item) : item)) };
  });
  return found ? { ...data, pages } : data;
}
