import { QueryClientProvider } from '@tanstack/react-query';
import {
  createMemoryHistory,
  createRootRoute,
  createRouter,
  RouterProvider,
} from '@tanstack/react-router';
import { render } from '@testing-library/react';
import { type ReactNode, StrictMode } from 'react';
import { vi } from 'vitest';
import { AuthProvider } from '../features/auth/session/auth-context.tsx';
import { createQueryClient } from '../lib/query-client.ts';

/**
 * Renders a component as the only page of an app with the real providers around it; pass a
 * `queryClient` to start from what its cache holds.
 */
export function renderPage(
  page: () => ReactNode,
  { strict = false, queryClient = createQueryClient() } = {},
) {
  // The router restores scroll positions, which jsdom does not implement.
  vi.stubGlobal('scrollTo', () => undefined);
  const router = createRouter({
    routeTree: createRootRoute({ component: page }),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  const app = (
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </QueryClientProvider>
  );
  const view = render(strict ? <StrictMode>{app}</StrictMode> : app);
  return { ...view, queryClient, router };
}
