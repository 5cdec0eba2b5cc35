import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, Link, Outlet } from '@tanstack/react-router';
import { NotFound } from '../components/not-found.tsx';
import { RouteError } from '../components/route-error.tsx';
import { ThemeToggle } from '../components/theme-toggle.tsx';
import { UserMenu } from '../features/auth/components/user-menu.tsx';
import { useSession } from '../features/auth/session/auth-context.tsx';
import type { RouterAuth } from '../features/auth/session/auth-setup.ts';

export interface RouterContext {
  queryClient: QueryClient;
  auth: RouterAuth;
}

export const Route = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  errorComponent: RouteError,
  notFoundComponent: NotFound,
});

const activeLink = { 'aria-current': 'page', className: 'font-semibold' } as const;

function RootLayout() {
  const session = useSession();
  return (
    <div className="min-h-screen bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2 focus:text-slate-900"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 dark:border-slate-800">
        <div className="mx-auto flex max-w-4xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link to="/" className="text-lg font-bold">
            TaskFlow
          </Link>
          <nav aria-label="Main" className="flex-1">
            <ul className="flex gap-4 text-sm">
              <li>
                <Link to="/" activeProps={activeLink} activeOptions={{ exact: true }}>
                  Home
                </Link>
              </li>
              {session.status === 'signed-in' && (
                <li>
                  <Link to="/account" activeProps={activeLink}>
                    Account
                  </Link>
                </li>
              )}
            </ul>
          </nav>
          <UserMenu />
          <ThemeToggle />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-4xl px-4 py-8">
        <Outlet />
      </main>
    </div>
  );
}
