import { useQueryClient } from '@tanstack/react-query';
import { createFileRoute, Outlet, redirect, useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useSession } from '../features/auth/session/auth-context.tsx';
import { sessionStore } from '../features/auth/session/session-store.ts';

/**
 * Every page under this pathless layout needs a session. The guard waits for the silent refresh,
 * so private content never renders for a visitor who turns out to be signed out.
 */
export const Route = createFileRoute('/_authenticated')({
  beforeLoad: async ({ context, location }) => {
    await context.auth.ensureLoaded();
    if (!context.auth.isSignedIn()) {
      throw redirect({ to: '/sign-in', search: { redirect: location.href }, replace: true });
    }
  },
  pendingComponent: AuthPending,
  component: AuthenticatedLayout,
});

function AuthPending() {
  return (
    <div
      role="status"
      aria-live="polite"
      className="text-sm text-slate-500"
      data-testid="auth-pending"
    >
      Loading…
    </div>
  );
}

/** The session can also end while a page is open (revoked elsewhere): then leave for sign-in. */
function AuthenticatedLayout() {
  const session = useSession();
  const router = useRouter();
  const queryClient = useQueryClient();
  const signedOut = session.status !== 'signed-in';

  useEffect(() => {
    if (!signedOut) return;
    // Read once, not subscribed: the redirect itself changes the location.
    const { href } = router.state.location;
    void router
      .navigate({
        to: '/sign-in',
        search: { redirect: href, ...(sessionStore.endedElsewhere() ? { ended: true } : {}) },
        replace: true,
      })
      // Private data goes once its pages are gone, so nothing refetches it without a session.
      .then(() => queryClient.clear());
  }, [signedOut, router, queryClient]);

  return signedOut ? <AuthPending /> : <Outlet />;
}
