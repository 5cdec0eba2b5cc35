import { createFileRoute } from '@tanstack/react-router';
import { NoAccess } from '../../components/no-access.tsx';
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
  return <AdminDashboard currentUserId={session.user.id} />;
}
