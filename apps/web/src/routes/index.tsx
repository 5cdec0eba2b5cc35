import { createFileRoute } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { Skeleton } from '../components/skeleton.tsx';
import { useSession } from '../features/auth/session/auth-context.tsx';
import { Landing } from '../features/home/components/landing.tsx';
import { MetaCard } from '../features/meta/components/meta-card.tsx';

export const Route = createFileRoute('/')({
  component: HomePage,
});

// Signed-in users' Home loads apart: visitors of the landing page never download it.
const MyWorkPage = lazy(() =>
  import('../features/home/components/my-work.tsx').then((module) => ({
    default: module.MyWorkPage,
  })),
);

/** Home: My work when signed in, what TaskFlow is for everyone else. */
function HomePage() {
  const session = useSession();
  if (session.status === 'loading') return <Skeleton label="Loading" rows={3} />;
  if (session.status === 'signed-out') {
    return (
      <div className="space-y-10">
        <Landing />
        <section aria-labelledby="server-title" className="space-y-3">
          <h2 id="server-title" className="text-lg font-semibold">
            This server
          </h2>
          <MetaCard />
        </section>
      </div>
    );
  }
  return (
    <Suspense fallback={<Skeleton label="Loading your tasks" rows={4} tall />}>
      <MyWorkPage />
    </Suspense>
  );
}
