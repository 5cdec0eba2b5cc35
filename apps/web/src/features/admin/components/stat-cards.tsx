import type { AdminStats } from '../model/admin-types.ts';
import { jobStateNames } from '../model/admin-types.ts';
import { formatCount } from '../model/format.ts';

/** `createdToday` → `created-today`: a figure's key as its test id spells it. */
const kebabCase = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * The figures of `values` that `labels` names, in the order of `labels`; each has the test id
 * `stat-<group>-<its key>`.
 */
function StatCard<K extends string>({
  title,
  group,
  values,
  labels,
}: {
  title: string;
  group: string;
  values: Record<NoInfer<K>, number>;
  labels: Record<K, string>;
}) {
  return (
    <div className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h3 className="text-sm font-semibold text-slate-700 dark:text-slate-200">{title}</h3>
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-3">
        {(Object.keys(labels) as K[]).map((key) => {
          const testId = `stat-${group}-${kebabCase(key)}`;
          return (
            <div key={testId}>
              <dt className="text-xs text-slate-600 dark:text-slate-300">{labels[key]}</dt>
              <dd className="text-2xl font-semibold tabular-nums" data-testid={testId}>
                {formatCount(values[key])}
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}

const taskFigures = {
  total: 'All tasks',
  createdToday: 'Created today',
  completedToday: 'Completed today',
};
const userFigures = {
  total: 'All users',
  admins: 'Administrators',
  disabled: 'Disabled',
  createdToday: 'New today',
};
const jobFiguresToday = {
  createdToday: 'Created',
  completedToday: 'Completed',
  failedToday: 'Failed',
};

/** The figures at a glance: users, tasks, today's jobs and the jobs in each state. */
export function StatCards({ stats }: { stats: AdminStats }) {
  const { users, tasks, jobs } = stats;
  return (
    <div className="grid gap-4 md:grid-cols-2" data-testid="stat-cards">
      <StatCard title="Tasks" group="tasks" values={tasks} labels={taskFigures} />
      <StatCard title="Users" group="users" values={users} labels={userFigures} />
      <StatCard title="Jobs today" group="jobs" values={jobs} labels={jobFiguresToday} />
      <StatCard title="Jobs by state" group="jobs" values={jobs.byState} labels={jobStateNames} />
    </div>
  );
}
