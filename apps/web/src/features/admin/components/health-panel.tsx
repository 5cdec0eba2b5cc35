import type { ReactNode } from 'react';
import { formatBytes } from '../../../lib/format-bytes.ts';
import { HEALTH_POLLING, useDetailedHealth } from '../api/get-detailed-health.ts';
import type { DetailedHealth } from '../model/admin-types.ts';
import { formatCount, formatMs, formatUptime } from '../model/format.ts';
import { AdminCard, CardError, CardSkeleton, StaleNote } from './admin-card.tsx';

type Check = DetailedHealth['checks']['database'];

function Item({
  label,
  children,
  testId,
}: {
  label: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div>
      <dt className="text-xs text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className="mt-0.5 font-medium tabular-nums" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

function CheckItem({ name, check }: { name: string; check: Check }) {
  const ok = check.status === 'ok';
  return (
    <li
      className="flex items-start gap-2 text-sm"
      data-testid="health-check"
      data-status={check.status}
    >
      <span
        aria-hidden="true"
        className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${ok ? 'bg-emerald-600' : 'bg-red-600'}`}
      />
      <span>
        <span className="font-medium">{name}</span>: {ok ? 'ok' : 'failing'}
        {check.detail && (
          <span className="block text-xs text-slate-600 dark:text-slate-300">{check.detail}</span>
        )}
      </span>
    </li>
  );
}

const seconds = (ms: number) => `${ms / 1000} s`;
const { visible, hidden } = HEALTH_POLLING;

/**
 * The server's detailed health, polled every 10 s while the tab is visible and every minute
 * while it is hidden.
 */
export function HealthPanel() {
  const health = useDetailedHealth();
  const updated = health.dataUpdatedAt ? new Date(health.dataUpdatedAt).toLocaleTimeString() : null;

  return (
    <AdminCard
      title="Health"
      description={`Refreshed every ${seconds(visible)} while this tab is visible, every ${seconds(hidden)} while it is hidden.`}
      testId="health-panel"
    >
      {health.isPending && <CardSkeleton label="Loading the health figures…" />}
      {health.isError && !health.data && (
        <CardError error={health.error} onRetry={() => void health.refetch()} />
      )}
      {health.isError && health.data && <StaleNote error={health.error} />}
      {health.data && <HealthFigures health={health.data} updated={updated} />}
    </AdminCard>
  );
}

function HealthFigures({ health, updated }: { health: DetailedHealth; updated: string | null }) {
  const { checks, database, jobs } = health;
  const pool = database.pool;
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <span
          className={`rounded-full px-2 py-0.5 text-xs font-semibold ${health.status === 'ok' ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100' : 'bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100'}`}
          data-testid="health-status"
        >
          {health.status === 'ok' ? 'All checks pass' : 'A check is failing'}
        </span>
        {updated && (
          <span className="ml-2 text-xs text-slate-600 dark:text-slate-300">
            Updated at {updated}
          </span>
        )}
      </p>
      <ul className="space-y-1">
        <CheckItem name="Database" check={checks.database} />
        <CheckItem name="Migrations" check={checks.migrations} />
        <CheckItem name="Jobs" check={checks.jobs} />
        {checks.redis && <CheckItem name="Redis" check={checks.redis} />}
      </ul>
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3">
        <Item label="Version" testId="health-version">
          {health.version}
        </Item>
        <Item label="Mode">{health.mode}</Item>
        <Item label="Node.js">{health.node}</Item>
        <Item label="Uptime">{formatUptime(health.uptimeSeconds)}</Item>
        <Item label="Database">{database.kind}</Item>
        <Item label="Database latency">
          {database.latencyMs === null ? '—' : formatMs(database.latencyMs)}
        </Item>
        {pool && (
          <Item label="Pool (in use / max, waiting)">
            {formatCount(pool.total - pool.idle)} / {formatCount(pool.max)},{' '}
            {formatCount(pool.waiting)}
          </Item>
        )}
        <Item label="Jobs queued">{formatCount(jobs.queued)}</Item>
        <Item label="Jobs running">{formatCount(jobs.active)}</Item>
        <Item label="Jobs failed">{formatCount(jobs.failed)}</Item>
        <Item label="Workers">{formatCount(jobs.workers)}</Item>
        <Item label="Live streams">{formatCount(health.streams.open)}</Item>
        <Item label="Memory (RSS)">{formatBytes(health.memory.rssBytes)}</Item>
        <Item label="Heap used">{formatBytes(health.memory.heapUsedBytes)}</Item>
        <Item label="Event loop lag">{formatMs(health.eventLoopLagMs)}</Item>
      </dl>
    </div>
  );
}
