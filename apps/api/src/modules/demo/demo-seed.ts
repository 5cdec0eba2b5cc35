import { randomBytes } from 'node:crypto';
import type { TaskPriority, TaskStatus } from '@taskflow/contract';
import { generateNKeysBetween } from 'fractional-indexing';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { insertPersonalWorkspace } from '../workspaces/workspaces.repository.ts';

export const DEMO_EMAIL = 'demo@taskflow.local';
const TEAMMATE_EMAIL = 'sam@taskflow.local';

type DemoTask = [
  title: string,
  status: TaskStatus,
  priority: TaskPriority,
  dueInDays: number | null,
  labels: string[],
  forSam?: boolean,
];

const tasks: DemoTask[] = [
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

const day = 86_400_000;
const isoDate = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * day).toISOString().slice(0, 10);

/**
 * On the first start of an empty embedded database: a demo user with a personal workspace and a
 * shared "Demo team" workspace (with a teammate) full of tasks, so the board has something to
 * show. Returns the demo login, or null when the database already has users.
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
  const password = `demo-${randomBytes(9).toString('base64url')}`;
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const users = await trx
      .insertInto('users')
      .values([
        {
          email: DEMO_EMAIL,
          name: 'Dana Demo',
          password_hash: passwordHash,
          email_verified_at: new Date(),
        },
        // The teammate cannot sign in: its hash is of a password nobody knows.
        {
          email: TEAMMATE_EMAIL,
          name: 'Sam Rivera',
          password_hash: await hashPassword(randomBytes(24).toString('hex')),
          email_verified_at: new Date(),
        },
      ])
      .returning('id')
      .execute();
    const [demo, sam] = users.map((u) => u.id);
    if (!demo || !sam) throw new Error('demo users were not created');
    for (const id of [demo, sam]) await insertPersonalWorkspace(trx, id);
    const team = await trx
      .insertInto('workspaces')
      .values({ name: 'Demo team', created_by: demo })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('workspace_members')
      .values([
        { workspace_id: team.id, user_id: demo, role: 'owner' },
        { workspace_id: team.id, user_id: sam, role: 'member' },
      ])
      .execute();
    const positions = generateNKeysBetween(null, null, tasks.length);
    await trx
      .insertInto('tasks')
      .values(
        tasks.map(([title, status, priority, due, labels, forSam], i) => ({
          workspace_id: team.id,
          title,
          status,
          priority,
          due_date: due === null ? null : isoDate(due),
          labels,
          assignee_id: forSam ? sam : demo,
          position: positions[i] ?? `a${i}`,
          created_by: demo,
          completed_at: status === 'done' ? new Date(Date.now() - (i % 5) * day) : null,
        })),
      )
      .execute();
  });
  return { email: DEMO_EMAIL, password };
}
