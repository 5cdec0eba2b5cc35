import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, Link, Outlet, useParams } from '@tanstack/react-router';
import { lazy, type ReactNode, Suspense } from 'react';
import { NotFound } from '../components/not-found.tsx';
import { RouteError } from '../components/route-error.tsx';
import { ThemeSelect } from '../components/theme-select.tsx';
import { Toaster } from '../components/toaster.tsx';
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

// Loaded once signed in: visitors of the public pages never download these.
const LiveUpdates = lazy(() =>
  import('../live-updates.tsx').then((module) => ({ default: module.LiveUpdates })),
);

const WorkspaceSwitcher = lazy(() =>
  import('../features/workspaces/components/workspace-switcher.tsx').then((module) => ({
    default: module.WorkspaceSwitcher,
  })),
);

/** A lazily loaded part of the header; meanwhile a blank of its width (a class such as `w-9`). */
function LazySlot({ width, children }: { width: string; children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <span
          className={`inline-block h-8 ${width} rounded-md bg-slate-100 dark:bg-slate-800`}
          aria-hidden="true"
        />
      }
    >
      {children}
    </Suspense>
  );
}

function RootLayout() {
  const session = useSession();
  const { workspaceId } = useParams({ strict: false });
  return (
    <div className="min-h-screen bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2 focus:text-slate-900"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 dark:border-slate-800">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
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
                <>
                  <li>
                    <Link to="/w" activeProps={activeLink}>
                      Tasks
                    </Link>
                  </li>
                  <li>
                    <Link to="/account" activeProps={activeLink}>
                      Account
                    </Link>
                  </li>
                  {session.user.role === 'admin' && (
                    <li>
                      <Link to="/admin" activeProps={activeLink}>
                        Admin
                      </Link>
                    </li>
                  )}
                </>
              )}
            </ul>
          </nav>
          {session.status === 'signed-in' && (
            <>
              <LazySlot width="w-9">
                <LiveUpdates userId={session.user.id} />
              </LazySlot>
              <LazySlot width="w-72">
                <WorkspaceSwitcher currentId={workspaceId} />
              </LazySlot>
            </>
          )}
          <UserMenu />
          <ThemeSelect />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8">
        <Outlet />
      </main>
      <Toaster />
    </div>
  );
}
