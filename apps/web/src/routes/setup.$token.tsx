import { createFileRoute, useRouter } from '@tanstack/react-router';
import { SetupAdmin } from '../features/auth/components/setup-admin.tsx';

/** The one-time setup link printed in the log of a new embedded server (split by the router). */
export const Route = createFileRoute('/setup/$token')({
  beforeLoad: ({ context }) => context.auth.ensureLoaded(),
  component: SetupPage,
});

function SetupPage() {
  const { token } = Route.useParams();
  const router = useRouter();
  async function onDone() {
    await router.invalidate();
    await router.navigate({ to: '/admin', replace: true });
  }
  return <SetupAdmin token={token} onDone={() => void onDone()} />;
}
