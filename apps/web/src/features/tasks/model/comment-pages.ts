import type { Comment, CommentPages } from './comment-types.ts';

const mapPages = (data: CommentPages, map: (items: Comment[]) => Comment[]): CommentPages => ({
  ...data,
  pages: data.pages.map((page) => ({ ...page, items: map(page.items) })),
});

const has = (data: CommentPages, id: string) =>
  data.pages.some((page) => page.items.some((item) => item.id === id));

/**
 * A new or edited comment in the cached pages: an edit replaces an older version in place; a new
 * comment goes at the end, but only once the last page is loaded (otherwise it comes with it).
 */
export function putComment(data: CommentPages, comment: Comment): CommentPages {
  if (has(data, comment.id)) {
    return mapPages(data, (items) =>
      items.map((item) =>
        item.id === comment.id && item.version <= comment.version ? comment : item,
      ),
    );
  }
  const last = data.pages.at(-1);
  if (!last || last.nextCursor !== null) return data;
  return {
    ...data,
    pages: [...data.pages.slice(0, -1), { ...last, items: [...last.items, comment] }],
  };
}

export function removeComment(data: CommentPages, commentId: string): CommentPages {
  if (!has(data, commentId)) return data;
  return mapPages(data, (items) => items.filter((item) => item.id !== commentId));
}
