import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, Link, Outlet, useParams } from '@tanstack/react-router';
import { lazy, type ReactNode, Suspense } from 'react';
import { MenuButton, useMenuClosingOnNavigation } from '../components/menu-button.tsx';
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

const MENU_ID = 'header-menu';

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
  const [menuOpen, setMenuOpen] = useMenuClosingOnNavigation();
  return (
    <div className="min-h-screen bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2 focus:text-slate-900"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 dark:border-slate-800">
        {/* On a phone the secondary items fold into a menu below the first row; from `md` up
            the menu's box dissolves (display: contents) and the `md:order-*` keep the one row. */}
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link to="/" className="text-lg font-bold">
            TaskFlow
          </Link>
          {session.status === 'signed-in' && (
            <div className="ml-auto md:order-2 md:ml-0">
              <LazySlot width="w-9">
                <LiveUpdates userId={session.user.id} />
              </LazySlot>
            </div>
          )}
          <MenuButton
            open={menuOpen}
            onOpenChange={setMenuOpen}
            controls={MENU_ID}
            className={session.status === 'signed-in' ? '' : 'ml-auto'}
          />
          <div
            id={MENU_ID}
            className={`${menuOpen ? 'flex' : 'hidden'} basis-full flex-col items-start gap-3 md:contents`}
          >
            <nav aria-label="Main" className="md:order-1 md:flex-1">
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
            <div className="flex flex-wrap items-center gap-x-6 gap-y-3 md:order-3 md:gap-y-2">
              {session.status === 'signed-in' && (
                <LazySlot width="w-72">
                  <WorkspaceSwitcher currentId={workspaceId} />
                </LazySlot>
              )}
              <UserMenu />
              <ThemeSelect />
            </div>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8">
        <Outlet />
      </main>
      <Toaster />
    </div>
  );
}
