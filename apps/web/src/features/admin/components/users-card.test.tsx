import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, stubFetch } from '../../../test/fetch.ts';
import { problemBody } from '../../../test/problem.ts';
import { renderPage } from '../../../test/render.tsx';
import type { AdminUser } from '../model/admin-types.ts';
import { USER_SEARCH_DELAY_MS, UsersCard } from './users-card.tsx';

vi.mock('sonner', () => ({ toast: { error: vi.fn(), success: vi.fn() } }));

const user = (name: string, role: AdminUser['role'] = 'user'): AdminUser => ({
  id: `${name.length}1111111-1111-4111-8111-111111111111`,
  name,
  email: `${name.toLowerCase()}@example.test`,
  emailVerified: true,
  role,
  disabled: false,
  lastSeenAt: null,
  twoFactor: false,
  createdAt: '2026-01-01T00:00:00.000Z',
});
const ada = user('Ada', 'admin');
const grace = user('Grace');

/** The users API: `q` filters by name; a role change to `user` of Ada is refused (last admin). */
function server() {
  const searches: (string | null)[] = [];
  stubFetch((request) => {
    const url = new URL(request.url);
    if (request.method === 'PATCH') {
      const body = problemBody(409, 'CONFLICT', 'Conflict', {
        detail: 'TaskFlow needs at least one administrator',
      });
      return jsonResponse(body, { status: 409, type: 'application/problem+json' });
    }
    const q = url.searchParams.get('q');
    searches.push(q);
    const items = [ada, grace].filter((u) => !q || u.name.toLowerCase().includes(q));
    return jsonResponse({ items, nextCursor: null });
  });
  return searches;
}

const names = () => screen.queryAllByTestId('user-row-name').map((n) => n.textContent);

describe('UsersCard', () => {
  it('searches once typing pauses, not at every key', async () => {
    const searches = server();
    renderPage(() => <UsersCard currentUserId={ada.id} />);
    await waitFor(() => expect(names()).toEqual(['Ada', 'Grace']));

    const box = screen.getByLabelText('Search users');
    for (const text of ['g', 'gr', 'gra']) fireEvent.change(box, { target: { value: text } });
    await waitFor(() => expect(names()).toEqual(['Grace']), {
      timeout: USER_SEARCH_DELAY_MS + 1000,
    });
    expect(searches).toEqual([null, 'gra']);
  });

  it('asks before a role change and says plainly why the last administrator stays one', async () => {
    server();
    renderPage(() => <UsersCard currentUserId={ada.id} />);

    fireEvent.change(await screen.findByLabelText('Role of Ada'), { target: { value: 'user' } });
    const dialog = await screen.findByRole('dialog', { name: 'Stop being an administrator?' });
    expect((screen.getByLabelText('Role of Ada') as HTMLSelectElement).value).toBe('admin');
    fireEvent.click(screen.getByRole('button', { name: 'Remove administrator role' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('TaskFlow needs at least one administrator.');
    expect(dialog.isConnected).toBe(true);
  });

  it('offers no disabling or signing out of oneself', async () => {
    server();
    renderPage(() => <UsersCard currentUserId={ada.id} />);
    await screen.findByLabelText('Role of Grace');
    expect(screen.queryByRole('button', { name: 'Disable Ada' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sign out everywhere: Ada' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Disable Grace' })).toBeTruthy();
  });
});
