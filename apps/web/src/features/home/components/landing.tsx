import { Link } from '@tanstack/react-router';

const features = [
  [
    'Boards',
    'A list and a kanban board per workspace: drag tasks between statuses, filter, search.',
  ],
  ['Live updates', 'Every change shows at once in every open tab, yours and your teammates’.'],
  ['Comments and files', 'Discuss a task with @mentions, attach files, and see its whole history.'],
  ['My work', 'Your open tasks from every workspace on one page, by due date.'],
] as const;

const primary =
  'rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 dark:bg-indigo-500 dark:text-slate-950 dark:hover:bg-indigo-400';
const secondary =
  'rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800';

/** Home for visitors: what TaskFlow is, and the way in. Plain markup, light enough to load first. */
export function Landing() {
  return (
    <section aria-labelledby="home-title" className="space-y-10" data-testid="landing">
      <div className="max-w-2xl space-y-4">
        <h1 id="home-title" className="text-3xl font-bold sm:text-4xl">
          Plan and track your team’s work, together
        </h1>
        <p className="text-lg text-slate-700 dark:text-slate-300">
          TaskFlow is a collaborative task manager for small teams: shared boards, due dates and
          priorities, comments, and live updates, so everyone sees the same plan.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link to="/register" className={primary}>
            Create account
          </Link>
          <Link to="/sign-in" className={secondary}>
            Sign in
          </Link>
        </div>
      </div>
      <ul className="grid gap-4 sm:grid-cols-2">
        {features.map(([title, text]) => (
          <li key={title} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
            <h2 className="font-semibold">{title}</h2>
            <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
