import { describe, expect, it } from 'vitest';
import { markRead, prependNotification, unreadCountOf } from './notification-pages.ts';
import type { Notification, NotificationPages } from './notification-types.ts';

let counter = 0;
function aNotification(overrides: Partial<Notification> = {}): Notification {
  counter += 1;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    type: 'task.assigned',
    title: `Notification ${counter}`,
    workspaceId: null,
    taskId: null,
    actorId: null,
    link: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    readAt: null,
    ...overrides,
  };
}

const read = '2026-01-02T00:00:00.000Z';

function pagesOf(pages: Notification[][], unreadCount: number): NotificationPages {
  return {
    pages: pages.map((items, index) => ({
      items,
      nextCursor: index === pages.length - 1 ? null : `cursor-${index + 1}`,
      unreadCount,
    })),
    pageParams: pages.map((_, index) => (index === 0 ? null : `cursor-${index}`)),
  };
}

const idsOf = (data: NotificationPages) => data.pages.map((p) => p.items.map((n) => n.id));

describe('prependNotification', () => {
  it('puts a new notification on top of the first page and counts it when unread', () => {
    const [a, b] = [aNotification(), aNotification({ readAt: read })];
    const fresh = aNotification();
    const next = prependNotification(pagesOf([[a], [b]], 1), fresh);
    expect(idsOf(next)).toEqual([[fresh.id, a.id], [b.id]]);
    expect(next.pages.map((p) => p.unreadCount)).toEqual([2, 2]);
  });

  it('ignores a notification it already has, and counts a read one as read', () => {
    const a = aNotification();
    const data = pagesOf([[a]], 1);
    expect(prependNotification(data, a)).toBe(data);
    expect(unreadCountOf(prependNotification(data, aNotification({ readAt: read })))).toBe(1);
  });
});

describe('markRead', () => {
  it('marks the given ones read and lowers the count by those that were unread', () => {
    const [a, b, c] = [aNotification(), aNotification(), aNotification({ readAt: read })];
    const next = markRead(pagesOf([[a, b], [c]], 5), [a.id, c.id], read);
    expect(next.pages[0]?.items.map((n) => n.readAt)).toEqual([read, null]);
    expect(unreadCountOf(next)).toBe(4);
  });

  it('marks every one read when given no ids, and takes the server’s count when given', () => {
    const data = pagesOf([[aNotification()], [aNotification()]], 7);
    expect(unreadCountOf(markRead(data, null, read))).toBe(0);
    const next = markRead(data, null, read, 3);
    expect(next.pages.flatMap((p) => p.items).every((n) => n.readAt === read)).toBe(true);
    expect(next.pages.map((p) => p.unreadCount)).toEqual([3, 3]);
  });
});
