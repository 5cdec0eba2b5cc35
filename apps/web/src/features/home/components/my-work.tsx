import { Link } from '@tanstack/react-router';
import { humanMessage } from '../../../api/error-message.ts';
import { Button } from '../../../components/button.tsx';
import { Skeleton } from '../../../components/skeleton.tsx';
import { relativeTime } from '../../../lib/relative-time.ts';
import { useMyWork } from '../api/get-my-work.ts';
import { dueLabel } from '../model/due-label.ts';
import { groupTitles, type MyWork, type MyWorkGroup } from '../model/work-types.ts';
import { WorkRow } from './work-row.tsx';

const listClass =
  'divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800';

function Group({ group, today }: { group: MyWorkGroup; today: string }) {
  const headingId = `work-${group.key}`;
  return (
    <section aria-labelledby={headingId} className="space-y-2" data-testid={`work-${group.key}`}>
      <h3 id={headingId} className="text-sm font-semibold text-slate-700 dark:text-slate-200">
        {groupTitles[group.key]} <span className="font-normal">({group.total})</span>
      </h3>
      <ul className={listClass}>
        {group.items.map((task) => (
          <WorkRow key={task.id} task={task} detail={dueLabel(task.dueDate, today)} />
        ))}
      </ul>
      {group.total > group.items.length && (
        <p className="text-xs text-slate-600 dark:text-slate-300">
          Showing the first {group.items.length} of {group.total}: filter a board by assignee to see
          them all.
        </p>
      )}
    </section>
  );
}

function Assigned({ work }: { work: MyWork }) {
  const groups = work.groups.filter((g) => g.total > 0);
  return (
    <section aria-labelledby="work-assigned" className="space-y-4">
      <h2 id="work-assigned" className="text-lg font-semibold">
        Assigned to me
      </h2>
      {groups.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="work-empty">
          Nothing open is assigned to you. Open a{' '}
          <Link to="/w" className="text-indigo-700 underline dark:text-indigo-400">
            board
          </Link>{' '}
          and assign yourself a task: it shows here, grouped by due date.
        </p>
      ) : (
        groups.map((group) => <Group key={group.key} group={group} today={work.today} />)
      )}
    </section>
  );
}

function Following({ work }: { work: MyWork }) {
  return (
    <section aria-labelledby="work-following" className="space-y-2">
      <h2 id="work-following" className="text-lg font-semibold">
        Recently changed tasks I follow
      </h2>
      {work.following.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="following-empty">
          When someone else changes a task you follow, it shows here for 7 days. You follow the
          tasks you create or are assigned, and any task you choose to follow from its page.
        </p>
      ) : (
        <ul className={listClass} data-testid="work-following">
          {work.following.map((change) => (
            <WorkRow
              key={change.task.id}
              task={change.task}
              detail={`changed by ${change.changedBy?.name ?? 'a former member'} ${relativeTime(change.changedAt)}`}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

/** Home when signed in: my open tasks across workspaces by due date, then what changed. */
export function MyWorkPage() {
  const work = useMyWork();
  return (
    <section aria-labelledby="home-title" className="space-y-8" data-testid="my-work">
      <h1 id="home-title" className="text-2xl font-semibold">
        My work
      </h1>
      {work.isPending && <Skeleton label="Loading your tasks" rows={4} tall />}
      {work.isError && (
        <div role="alert" className="space-y-2 text-sm">
          <p>{humanMessage(work.error)}</p>
          <Button variant="secondary" size="sm" onClick={() => void work.refetch()}>
            Try again
          </Button>
        </div>
      )}
      {work.data && (
        <>
          <Assigned work={work.data} />
          <Following work={work.data} />
        </>
      )}
    </section>
  );
}
