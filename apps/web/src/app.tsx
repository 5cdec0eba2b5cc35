// First: before any module makes a zod schema.
import './lib/zod-config.ts';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AuthProvider } from './features/auth/session/auth-context.tsx';
import { routerAuth } from './features/auth/session/auth-setup.ts';
import { createQueryClient } from './lib/query-client.ts';
import { createAppRouter } from './router.ts';

/** React, the router and the query cache: loaded by main.tsx once the session refresh is asked. */
export function renderApp(container: HTMLElement): void {
  const queryClient = createQueryClient();
  const router = createAppRouter(queryClient, routerAuth);
  createRoot(container).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
