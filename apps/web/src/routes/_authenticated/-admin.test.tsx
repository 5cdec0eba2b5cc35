// `-` keeps this file out of the route tree (the router plugin ignores files that start with it).
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionStore, type User } from '../../features/auth/session/session-store.ts';
import { jsonResponse, stubFetch } from '../../test/fetch.ts';
import { renderPage } from '../../test/render.tsx';
import { Route } from './admin.tsx';

const member: User = {
  id: '11111111-1111-4111-8111-111111111111',
  name: 'Grace',
  email: 'grace@example.test',
  emailVerified: true,
  role: 'user',
  createdAt: '2026-01-01T00:00:00.000Z',
};

afterEach(() => sessionStore.signedOut());

describe('/admin', () => {
  it('tells someone who is not an administrator so, and asks the API for nothing', async () => {
    const fetchMock = stubFetch(() => new Response(null, { status: 500 }));
    sessionStore.signedIn({ accessToken: 't', tokenType: 'Bearer', expiresIn: 900, user: member });
    const AdminPage = Route.options.component;
    if (!AdminPage) throw new Error('the route has a page');
    renderPage(() => <AdminPage />);

    expect(await screen.findByRole('heading', { name: 'No access' })).toBeTruthy();
    expect(screen.queryByTestId('admin-dashboard')).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('leads an administrator without required two-factor sign-in to turn it on', async () => {
    stubFetch((request) =>
      new URL(request.url).pathname === '/api/v1/me/two-factor'
        ? jsonResponse({ enabled: false, enabledAt: null, recoveryCodesLeft: 0, required: true })
        : new Response(null, { status: 500 }),
    );
    sessionStore.signedIn({
      accessToken: 't',
      tokenType: 'Bearer',
      expiresIn: 900,
      user: { ...member, role: 'admin' },
    });
    const AdminPage = Route.options.component;
    if (!AdminPage) throw new Error('the route has a page');
    renderPage(() => <AdminPage />);

    const link = await screen.findByRole('link', { name: 'Set it up on your account page' });
    expect(link.getAttribute('href')).toBe('/account#two-factor');
    expect(screen.queryByTestId('admin-dashboard')).toBeNull();
  });
});
