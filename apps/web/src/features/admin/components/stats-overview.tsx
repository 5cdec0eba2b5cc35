import { lazy, Suspense } from 'react';
import { useAdminStats } from '../api/get-admin-stats.ts';
import { AdminCard, CardError, CardSkeleton, StaleNote } from './admin-card.tsx';
import { StatCards } from './stat-cards.tsx';

// The chart library (~100 KiB) loads with the first figures, never with any other page.
const ActivityCharts = lazy(() => import('./activity-charts.tsx'));

function ChartsSkeleton() {
  return (
    <div aria-busy="true" className="grid gap-6 lg:grid-cols-2">
      <span className="sr-only">Loading the charts…</span>
      {['tasks', 'jobs'].map((key) => (
        <div
          key={key}
          aria-hidden="true"
          className="h-60 animate-pulse rounded bg-slate-200 dark:bg-slate-800"
        />
      ))}
    </div>
  );
}

/** The figures and the charts; live task events and a poll keep them current. */
export function StatsOverview() {
  const stats = useAdminStats();
  return (
    <AdminCard
      title="Overview"
      description={
        stats.data
          ? `“Today” is in ${stats.data.timeZone}. Updated at ${new Date(stats.dataUpdatedAt).toLocaleTimeString()}.`
          : undefined
      }
      testId="admin-overview"
    >
      {stats.isPending && <CardSkeleton label="Loading the figures…" rows={4} />}
      {stats.isError && !stats.data && (
        <CardError error={stats.error} onRetry={() => void stats.refetch()} />
      )}
      {stats.isError && stats.data && <StaleNote error={stats.error} />}
      {stats.data && (
        <div className="space-y-6">
          <StatCards stats={stats.data} />
          <Suspense fallback={<ChartsSkeleton />}>
            <ActivityCharts series={stats.data.series} />
          </Suspense>
        </div>
      )}
    </AdminCard>
  );
}
