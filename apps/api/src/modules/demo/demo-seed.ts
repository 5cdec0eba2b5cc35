import { randomBytes } from 'node:crypto';
import { generateNKeysBetween } from 'fractional-indexing';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { OperatorError } from '../../platform/operator-error.ts';
import { insertPersonalWorkspace } from '../workspaces/workspaces.repository.ts';
import { CURATED_TASKS, DEMO_EMAIL, type DemoPerson, demoPeople, demoTasks } from './demo-data.ts';

export const DEMO_WORKSPACE = 'Demo team';
const BATCH = 100;
const hour = 3_600_000;
const isoDate = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 24 * hour).toISOString().slice(0, 10);

export type DemoSeedOptions = {
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
  const people = demoPeople(options.users);
  const taken = await db
    .selectFrom('users')
    .select('email')
    .where(
      sql<string>`lower(email)`,
      'in',
      people.map((p) => p.email),
    )
    .execute();
  if (taken.some((u) => u.email.toLowerCase() === DEMO_EMAIL))
    return { created: false, reason: `the demo user ${DEMO_EMAIL} already exists` };
  if (taken.length > 0) {
    throw new OperatorError(
      `${taken.map((u) => u.email).join(', ')} already have accounts; seed fewer --users`,
    );
  }

  const password = `demo-${randomBytes(9).toString('base64url')}`;
  const passwordHash = await hashPassword(password);
  // Demo accounts that sign in share the one hash (and salt) of their one password; the others
  // get the hash of a password nobody knows.
  const lockedHash = options.everyoneSignsIn
    ? passwordHash
    : await hashPassword(randomBytes(24).toString('hex'));
  const tasks = demoTasks(options.tasks, people.length);

  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .insertInto('users')
      .values(
        people.map((p, i) => ({
          email: p.email,
          name: p.name,
          password_hash: i === 0 ? passwordHash : lockedHash,
          email_verified_at: new Date(),
        })),
      )
      .returning(['id', 'email'])
      .execute();
    const idOf = new Map(rows.map((r) => [r.email, r.id]));
    const ids = people.map((p) => idOf.get(p.email) as string);
    const [demo] = ids;
    if (!demo || ids.length !== people.length) throw new Error('demo users were not created');
    for (const id of ids) await insertPersonalWorkspace(trx, id);
    const team = await trx
      .insertInto('workspaces')
      .values({ name: DEMO_WORKSPACE, created_by: demo })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('workspace_members')
      .values(
        ids.map((id, i) => ({
          workspace_id: team.id,
          user_id: id,
          role: i === 0 ? ('owner' as const) : ('member' as const),
        })),
      )
      .execute();

    const positions = generateNKeysBetween(null, null, tasks.length);
    const now = Date.now();
    for (let start = 0; start < tasks.length; start += BATCH) {
      const batch = tasks.slice(start, start + BATCH);
      await trx
        .insertInto('tasks')
        .values(
          batch.map((t, j) => {
            const created = new Date(now - t.createdHoursAgo * hour);
            const completed =
              t.completedHoursAgo === null ? null : new Date(now - t.completedHoursAgo * hour);
            return {
              workspace_id: team.id,
              title: t.title,
              status: t.status,
              priority: t.priority,
              due_date: t.dueInDays === null ? null : isoDate(t.dueInDays),
              labels: t.labels,
              assignee_id: t.assignee === null ? null : (ids[t.assignee] ?? null),
              position: positions[start + j] as string,
              created_by: demo,
              created_at: created,
              updated_at: completed ?? created,
              completed_at: completed,
            };
          }),
        )
        .execute();
      options.onProgress?.(start + batch.length);
    }
    return {
      created: true as const,
      workspace: { id: team.id, name: DEMO_WORKSPACE },
      users: people.map((p, i) => ({
        ...p,
        role: i === 0 ? ('owner' as const) : ('member' as const),
        canSignIn: i === 0 || options.everyoneSignsIn,
      })),
      password,
      tasks: tasks.length,
    };
  });
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
  const { n } = await db
    .selectFrom('users')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  if (n > 0) return null;
  const seed = await seedDemoWorkspace(db, hashPassword, {
    users: 2,
    tasks: CURATED_TASKS,
    everyoneSignsIn: false,
  });
  return seed.created ? { email: DEMO_EMAIL, password: seed.password } : null;
}
