import type { AdminStats } from '../model/admin-types.ts';
import { JOB_STATES, jobStateNames } from '../model/admin-types.ts';
import { formatCount } from '../model/format.ts';

type Figure = { label: string; value: number; testId: string };

function StatCard({ title, figures }: { title: string; figures: Figure[] }) {
  return (
    <div className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h3 className="text-sm font-semibold text-slate-700 dark:text-slate-200">{title}</h3>
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-3">
        {figures.map((figure) => (
          <div key={figure.testId}>
            <dt className="text-xs text-slate-600 dark:text-slate-300">{figure.label}</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid={figure.testId}>
              {formatCount(figure.value)}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** The figures at a glance: users, tasks, today's jobs and the jobs in each state. */
export function StatCards({ stats }: { stats: AdminStats }) {
  const { users, tasks, jobs } = stats;
  return (
    <div className="grid gap-4 md:grid-cols-2" data-testid="stat-cards">
      <StatCard
        title="Tasks"
        figures={[
          { label: 'All tasks', value: tasks.total, testId: 'stat-tasks-total' },
          { label: 'Created today', value: tasks.createdToday, testId: 'stat-tasks-created-today' },
          {
            label: 'Completed today',
            value: tasks.completedToday,
            testId: 'stat-tasks-completed-today',
          },
        ]}
      />
      <StatCard
        title="Users"
        figures={[
          { label: 'All users', value: users.total, testId: 'stat-users-total' },
          { label: 'Administrators', value: users.admins, testId: 'stat-users-admins' },
          { label: 'Disabled', value: users.disabled, testId: 'stat-users-disabled' },
          { label: 'New today', value: users.createdToday, testId: 'stat-users-created-today' },
        ]}
      />
      <StatCard
        title="Jobs today"
        figures={[
          { label: 'Created', value: jobs.createdToday, testId: 'stat-jobs-created-today' },
          { label: 'Completed', value: jobs.completedToday, testId: 'stat-jobs-completed-today' },
          { label: 'Failed', value: jobs.failedToday, testId: 'stat-jobs-failed-today' },
        ]}
      />
      <StatCard
        title="Jobs by state"
        figures={JOB_STATES.map((state) => ({
          label: jobStateNames[state],
          value: jobs.byState[state],
          testId: `stat-jobs-${state}`,
        }))}
      />
    </div>
  );
}
