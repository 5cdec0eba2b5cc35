import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getData } from '../../../api/client.ts';
import { createQueryClient } from '../../../lib/query-client.ts';
import { jsonResponse, stubFetch } from '../../../test/fetch.ts';
import { testSession, testUser } from '../../../test/session.ts';
import { AuthProvider } from '../session/auth-context.tsx';
import { sessionStore } from '../session/session-store.ts';
import { useSignOut } from './sign-out.ts';

/** A private page still loading something when its reader signs out. */
function PrivatePage() {
  const me = useQuery({
    queryKey: ['me'],
    queryFn: ({ signal }) => getData('/api/v1/me', {}, signal),
  });
  const signOut = useSignOut();
  return (
    <>
      <p>{me.isPending ? 'loading' : 'loaded'}</p>
      <button type="button" onClick={() => signOut.mutate()}>
        Sign out
      </button>
    </>
  );
}

/** The app with a private page at / and the sign-in page, as the real routes are. */
function renderApp() {
  vi.stubGlobal('scrollTo', () => undefined);
  const root = createRootRoute({ component: Outlet });
  const routeTree = root.addChildren([
    createRoute({ getParentRoute: () => root, path: '/', component: PrivatePage }),
    createRoute({
      getParentRoute: () => root,
      path: '/sign-in',
      component: () => <h1>Sign in</h1>,
    }),
  ]);
  const router = createRouter({
    routeTree,
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  const queryClient = createQueryClient();
  render(
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </QueryClientProvider>,
  );
  return { queryClient, router };
}

afterEach(() => sessionStore.signedOut());

describe('signing out', () => {
  it('cancels what a page is still fetching before the session ends, then forgets it', async () => {
    sessionStore.signedIn(testSession);
    const events: string[] = [];
    stubFetch((request) => {
      const path = new URL(request.url).pathname;
      events.push(`sent ${path}`);
      if (path === '/api/v1/auth/sign-out') return new Response(null, { status: 204 });
      // The page's request stays on its way until it is cancelled.
      return new Promise((_resolve, reject) =>
        request.signal.addEventListener('abort', () => {
          events.push(`cancelled ${path}`);
          reject(request.signal.reason);
        }),
      );
    });
    const { queryClient, router } = renderApp();
    await waitFor(() => expect(events).toEqual(['sent /api/v1/me']));

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));

    await waitFor(() => expect(sessionStore.getSnapshot().status).toBe('signed-out'));
    expect(events).toEqual([
      'sent /api/v1/me',
      'cancelled /api/v1/me',
      'sent /api/v1/auth/sign-out',
    ]);
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(sessionStore.getAccessToken()).toBeNull();
    expect(queryClient.getQueryCache().getAll()).toEqual([]);
  });

  it('forgets the session here even when the server cannot be reached', async () => {
    sessionStore.signedIn(testSession);
    stubFetch((request) =>
      new URL(request.url).pathname === '/api/v1/me'
        ? jsonResponse(testUser)
        : Promise.reject(new TypeError('Failed to fetch')),
    );
    renderApp();
    await screen.findByText('loaded');

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));

    await waitFor(() => expect(sessionStore.getSnapshot().status).toBe('signed-out'));
    expect(sessionStore.getAccessToken()).toBeNull();
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeDefined();
  });
});
