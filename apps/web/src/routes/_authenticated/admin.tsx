import { createFileRoute, Link } from '@tanstack/react-router';
import { NoAccess } from '../../components/no-access.tsx';
import { useTwoFactor } from '../../features/account/api/get-two-factor.ts';
import { AdminDashboard } from '../../features/admin/components/admin-dashboard.tsx';
import { useSession } from '../../features/auth/session/auth-context.tsx';

/**
 * The admin dashboard, for role `admin` only. Everyone else gets a plain "no access" page and
 * the dashboard's queries never start (the API would answer 403 anyway). The page and its chart
 * library are split from the first load by the router plugin.
 */
export const Route = createFileRoute('/_authenticated/admin')({
  component: AdminPage,
});

function AdminPage() {
  const session = useSession();
  if (session.status !== 'signed-in' || session.user.role !== 'admin') {
    return (
      <NoAccess what="The admin dashboard is for administrators, and your account is not one." />
    );
  }
  return <AdminWithTwoFactor currentUserId={session.user.id} />;
}

/** When administrators must use two-factor sign-in, one without it is led to turn it on. */
function AdminWithTwoFactor({ currentUserId }: { currentUserId: string }) {
  const twoFactor = useTwoFactor();
  if (twoFactor.data?.required) {
    return (
      <section className="space-y-3" data-testid="two-factor-required" aria-labelledby="tfr">
        <h1 id="tfr" className="text-xl font-semibold">
          Turn on two-factor sign-in
        </h1>
        <p>Administrators of this TaskFlow must use two-factor sign-in to open the dashboard.</p>
        <Link
          to="/account"
          hash="two-factor"
          className="text-indigo-600 underline dark:text-indigo-400"
        >
          Set it up on your account page
        </Link>
      </section>
    );
  }
  return <AdminDashboard currentUserId={currentUserId} />;
}
