import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, stubFetch } from '../../../test/fetch.ts';
import { renderPage } from '../../../test/render.tsx';
import { NotificationsBell } from './notifications-bell.tsx';

const unread = {
  id: '00000000-0000-4000-8000-000000000001',
  type: 'task.assigned',
  title: 'Ada assigned you “Ship it”',
  workspaceId: '11111111-1111-4111-8111-111111111111',
  taskId: '22222222-2222-4222-8222-222222222222',
  actorId: null,
  link: '/w/11111111-1111-4111-8111-111111111111/tasks/22222222-2222-4222-8222-222222222222',
  createdAt: new Date().toISOString(),
  readAt: null,
};

describe('NotificationsBell', () => {
  it('says how many are unread, lists them, and closes with Escape back on the bell', async () => {
    stubFetch(() => jsonResponse({ items: [unread], nextCursor: null, unreadCount: 1 }));
    renderPage(() => <NotificationsBell />);

    const bell = await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    expect(bell.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(bell);
    expect(bell.getAttribute('aria-expanded')).toBe('true');
    const link = screen.getByRole('link', { name: /Unread: Ada assigned you “Ship it” just now/ });
    expect(link.getAttribute('href')).toBe(unread.link);

    fireEvent.keyDown(link, { key: 'Escape' });
    expect(screen.queryByRole('link')).toBeNull();
    expect(document.activeElement).toBe(bell);
  });

  it('says so when there is nothing to show', async () => {
    stubFetch(() => jsonResponse({ items: [], nextCursor: null, unreadCount: 0 }));
    renderPage(() => <NotificationsBell />);

    fireEvent.click(await screen.findByRole('button', { name: 'Notifications' }));
    await waitFor(() => expect(screen.getByText('You have no notifications yet.')).toBeTruthy());
    const markAll = screen.getByRole('button', { name: 'Mark all read' });
    expect(markAll.getAttribute('aria-disabled')).toBe('true');
  });

  it('hands an export’s download link to `onDownload`, and marks it read', async () => {
    const link = `/api/v1/workspaces/${unread.workspaceId}/exports/${unread.taskId}/download`;
    const ready = { ...unread, type: 'export.ready', title: 'Your export is ready', link };
    const marked: unknown[] = [];
    stubFetch(async (request) => {
      if (request.method === 'POST') {
        marked.push(await request.json());
        return jsonResponse({ unreadCount: 0 });
      }
      return jsonResponse({ items: [ready], nextCursor: null, unreadCount: 1 });
    });
    const onDownload = vi.fn();
    renderPage(() => <NotificationsBell onDownload={onDownload} />);

    fireEvent.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    fireEvent.click(screen.getByRole('button', { name: /Unread: Your export is ready/ }));

    expect(onDownload).toHaveBeenCalledWith(link);
    await waitFor(() => expect(marked).toEqual([{ ids: [ready.id] }]));
    expect(screen.queryByRole('link')).toBeNull();
  });
});
