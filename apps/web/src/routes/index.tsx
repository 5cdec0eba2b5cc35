import { createFileRoute } from '@tanstack/react-router';
import { MetaCard } from '../features/meta/components/meta-card.tsx';

export const Route = createFileRoute('/')({
  component: HomePage,
});

function HomePage() {
  return (
    <section aria-labelledby="home-title" className="space-y-6">
      <h1 id="home-title" className="text-2xl font-semibold">
        Welcome to TaskFlow
      </h1>
      <MetaCard />
    </section>
  );
}
