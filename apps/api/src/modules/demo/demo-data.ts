import type { TaskPriority, TaskStatus } from '@taskflow/contract';

export const DEMO_EMAIL = 'demo@taskflow.local';

export type DemoPerson = { email: string; name: string };

const people: DemoPerson[] = [
  { email: DEMO_EMAIL, name: 'Dana Demo' },
  { email: 'sam@taskflow.local', name: 'Sam Rivera' },
  { email: 'alex@taskflow.local', name: 'Alex Kim' },
  { email: 'priya@taskflow.local', name: 'Priya Patel' },
  { email: 'jordan@taskflow.local', name: 'Jordan Lee' },
  { email: 'maria@taskflow.local', name: 'Maria Garcia' },
  { email: 'chen@taskflow.local', name: 'Chen Wei' },
  { email: 'noah@taskflow.local', name: 'Noah Smith' },
];

/** The demo user first, then `count - 1` teammates. */
export const demoPeople = (count: number): DemoPerson[] =>
  Array.from(
    { length: count },
    (_, i) => people[i] ?? { email: `teammate${i + 1}@taskflow.local`, name: `Teammate ${i + 1}` },
  );

type DemoTask = {
  title: string;
  status: TaskStatus;
  priority: TaskPriority;
  dueInDays: number | null;
  labels: string[];
  /** Index into the demo people; null: unassigned. */
  assignee: number | null;
  createdHoursAgo: number;
  completedHoursAgo: number | null;
};

type Curated = [TaskStatus, TaskPriority, number | null, string[], forSam?: boolean];

/** The tasks a first start shows: each one says something about the app. */
const curated: [string, ...Curated][] = [
  ['Welcome to TaskFlow: drag this card to “In progress”', 'todo', 'high', 0, ['getting-started']],
  ['Press ? to see the keyboard shortcuts', 'todo', 'medium', null, ['getting-started']],
  ['Invite a teammate from the members page', 'todo', 'low', 3, ['getting-started']],
  ['Draft the Q1 roadmap', 'in_progress', 'urgent', 2, ['planning'], true],
  ['Review the onboarding flow', 'in_progress', 'high', 5, ['design', 'ux']],
  ['Fix flaky login on Safari', 'todo', 'urgent', -1, ['bug', 'web'], true],
  ['Write release notes for 1.4', 'todo', 'medium', 7, ['docs']],
  ['Set up the staging database backup', 'done', 'high', -3, ['ops']],
  ['Migrate CI to the new runners', 'done', 'medium', -6, ['ops'], true],
  ['Customer interview: Acme Corp', 'todo', 'medium', 10, ['research']],
  ['Polish empty states on the board', 'in_progress', 'low', 4, ['design']],
  ['Audit npm dependencies', 'todo', 'low', 14, ['security', 'ops']],
  ['Plan the team offsite', 'todo', 'low', 30, ['team']],
  ['Add dark mode screenshots to the docs', 'done', 'low', -2, ['docs']],
  ['Investigate slow search on large workspaces', 'todo', 'high', 6, ['bug', 'backend'], true],
  ['Prepare the demo for Friday', 'in_progress', 'high', 1, ['team']],
];

export const CURATED_TASKS = curated.length;

const verbs = ['Fix', 'Review', 'Write', 'Update', 'Design', 'Test', 'Refactor', 'Document'];
const subjects = [
  'the billing page',
  'the password reset mail',
  'search ranking',
  'the onboarding checklist',
  'the CSV export',
  'mobile navigation',
  'API rate limits',
  'the release checklist',
  'dark mode colours',
  'notification settings',
  'the staging deploy',
  'due-date reminders',
  'the board filters',
  'workspace invitations',
];
const labels = ['bug', 'feature', 'docs', 'design', 'ops', 'backend', 'web', 'research'];

/** A small seeded generator (mulberry32): the same counts give the same demo data. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Picks by weight: `weighted(r, [['a', 3], ['b', 1]])` is 'a' three times in four. */
function weighted<T>(r: number, choices: [T, number][]): T {
  const total = choices.reduce((n, [, w]) => n + w, 0);
  let left = r * total;
  for (const [value, weight] of choices) {
    left -= weight;
    if (left < 0) return value;
  }
  return (choices.at(-1) as [T, number])[0];
}

/**
 * `count` demo tasks for `people` people: the curated ones first (made now), then generated ones
 * created over the last 30 days, so that the charts and stats have something to show.
 */
export function demoTasks(count: number, people: number): DemoTask[] {
  const next = random(20_260_101);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)] as T;
  return Array.from({ length: count }, (_, i): DemoTask => {
    const fixed = curated[i];
    if (fixed) {
      const [title, status, priority, dueInDays, tags, forSam] = fixed;
      return {
        title,
        status,
        priority,
        dueInDays,
        labels: tags,
        assignee: forSam && people > 1 ? 1 : 0,
        createdHoursAgo: 0,
        completedHoursAgo: status === 'done' ? (i % 5) * 24 : null,
      };
    }
    const status = weighted<TaskStatus>(next(), [
      ['todo', 45],
      ['in_progress', 20],
      ['done', 35],
    ]);
    const createdHoursAgo = Math.floor(next() * 30 * 24);
    return {
      title: `${pick(verbs)} ${pick(subjects)}`,
      status,
      priority: weighted<TaskPriority>(next(), [
        ['low', 25],
        ['medium', 40],
        ['high', 25],
        ['urgent', 10],
      ]),
      dueInDays: next() < 0.3 ? null : Math.floor(next() * 45) - 14,
      labels: [...new Set([pick(labels), pick(labels)])].slice(0, Math.floor(next() * 3)),
      assignee: next() < 0.15 ? null : Math.floor(next() * people),
      createdHoursAgo,
      completedHoursAgo: status === 'done' ? Math.floor(next() * createdHoursAgo) : null,
    };
  });
}
