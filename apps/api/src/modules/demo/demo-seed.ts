import { randomBytes } from 'node:crypto';
import { generateNKeysBetween } from 'fractional-indexing';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { OperatorError } from '../../platform/operator-error.ts';
import { createDemoRepository } from './demo.repository.ts';
import { CURATED_TASKS, DEMO_EMAIL, type DemoPerson, demoPeople, demoTasks } from './demo-data.ts';

const DEMO_WORKSPACE = 'Demo team';
const hour = 3_600_000;
const isoDate = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 24 * hour).toISOString().slice(0, 10);

type DemoSeedOptions = {
  /** The demo user and its teammates (at least 1). */
  users: number;
  /** Tasks in the shared workspace. */
  tasks: number;
  /** Every demo user signs in with the password (the CLI), or only the demo user (first start). */
  everyoneSignsIn: boolean;
  /** Called after each batch of tasks with the number inserted so far. */
  onProgress?: (tasksInserted: number) => void;
};

export type DemoLogin = DemoPerson & { role: 'owner' | 'member'; canSignIn: boolean };

export type DemoSeed =
  | {
      created: true;
      workspace: { id: string; name: string };
      users: DemoLogin[];
      password: string;
      tasks: number;
    }
  | { created: false; reason: string };

/**
 * A demo user with teammates, each with a personal workspace, all members of a shared
 * "Demo team" workspace full of tasks; one transaction. Does nothing when the demo user exists.
 */
export async function seedDemoWorkspace(
  db: Kysely<DB>,
  hashPassword: (password: string) => Promise<string>,
  options: DemoSeedOptions,
): Promise<DemoSeed> {
  const repo = createDemoRepository(db);
  const people = demoPeople(options.users);
  const taken = await repo.takenEmails(people.map((p) => p.email));
  if (taken.some((email) => email.toLowerCase() === DEMO_EMAIL))
    return { created: false, reason: `the demo user ${DEMO_EMAIL} already exists` };
  if (taken.length > 0) {
    throw new OperatorError(`${taken.join(', ')} already have accounts; seed fewer --users`);
  }

  const password = `demo-${randomBytes(9).toString('base64url')}`;
  const passwordHash = await hashPassword(password);
  // Demo accounts that sign in share the one hash (and salt) of their one password; the others
  // get the hash of a password nobody knows.
  const lockedHash = options.everyoneSignsIn
    ? passwordHash
    : await hashPassword(randomBytes(24).toString('hex'));
  const tasks = demoTasks(options.tasks, people.length);
  const positions = generateNKeysBetween(null, null, tasks.length);
  const now = Date.now();

  const team = await repo.insertTeam({
    users: people.map((p, i) => ({
      email: p.email,
      name: p.name,
      passwordHash: i === 0 ? passwordHash : lockedHash,
    })),
    workspaceName: DEMO_WORKSPACE,
    tasksOf: (ids) =>
      tasks.map((t, i) => {
        const created = new Date(now - t.createdHoursAgo * hour);
        const completed =
          t.completedHoursAgo === null ? null : new Date(now - t.completedHoursAgo * hour);
        return {
          title: t.title,
          status: t.status,
          priority: t.priority,
          due_date: t.dueInDays === null ? null : isoDate(t.dueInDays),
          labels: t.labels,
          assignee_id: t.assignee === null ? null : (ids[t.assignee] ?? null),
          position: positions[i] as string,
          created_at: created,
          updated_at: completed ?? created,
          completed_at: completed,
        };
      }),
    onProgress: options.onProgress,
  });
  await repo.refreshStatistics();
  return {
    created: true as const,
    workspace: { id: team.workspaceId, name: DEMO_WORKSPACE },
    users: people.map((p, i) => ({
      ...p,
      role: i === 0 ? ('owner' as const) : ('member' as const),
      canSignIn: i === 0 || options.everyoneSignsIn,
    })),
    password,
    tasks: tasks.length,
  };
}

/**
 * On the first start of an empty embedded database: the demo user and one teammate, with the
 * curated tasks, so the board has something to show. Returns the demo login, or null when the
 * database already has users.
 */
export async function seedDemo(
  db: Kysely<DB>,
  hashPassword: (password: string) => Promise<string>,
): Promise<{ email: string; password: string } | null> {
  if ((await createDemoRepository(db).countUsers()) > 0) return null;
  const seed = await seedDemoWorkspace(db, hashPassword, {
    users: 2,
    tasks: CURATED_TASKS,
    everyoneSignsIn: false,
  });
  return seed.created ? { email: DEMO_EMAIL, password: seed.password } : null;
}
