// First: before any module makes a zod schema.
import './lib/zod-config.ts';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AuthProvider } from './features/auth/session/auth-context.tsx';
import { installAuthMiddleware, routerAuth } from './features/auth/session/auth-setup.ts';
import { createQueryClient } from './lib/query-client.ts';
import { applyTheme, storedChoice } from './lib/theme.ts';
import { createAppRouter } from './router.ts';
import './styles.css';

// Applied before the first render (the CSP forbids an inline script in index.html).
applyTheme(storedChoice());

installAuthMiddleware();
// The silent refresh starts now, in parallel with the first render; protected routes await it
// and show its failure, so here it needs no handler of its own.
routerAuth.ensureLoaded().catch(() => undefined);

const queryClient = createQueryClient();
const router = createAppRouter(queryClient, routerAuth);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </QueryClientProvider>
  </StrictMode>,
);
