/**
 * The data of the task scenarios: a bench user owning a workspace of 10,000 tasks, with fixed
 * ids so that every server (the app and the reference) is asked the same thing.
 *   node scripts/bench/task-fixture.ts embedded <dataDir>
 *   node scripts/bench/task-fixture.ts postgres <url>
 * fills the database there, once migrated (`fillWith` in task-scenarios.ts does both). Run before
 * the server that uses it starts.
 */
import { generateNKeysBetween } from 'fractional-indexing';
import { sql } from 'kysely';
import { loadConfig } from '../../apps/api/src/config.ts';
import { createAuthRepository } from '../../apps/api/src/modules/auth/auth.repository.ts';
import { createPasswordService } from '../../apps/api/src/modules/auth/password.ts';
import {
  type Database,
  openEmbeddedDatabase,
  openPostgresDatabase,
} from '../../apps/api/src/platform/db/database.ts';

export const benchUser = { email: 'bench@example.com', password: 'bench sign-in passphrase' };
export const WORKSPACE_ID = '00000000-0000-4000-8000-00000000b001';
/** The task `get-1` reads. */
export const TASK_ID = '00000000-0000-4000-8000-00000000c001';
export const TASK_COUNT = 10_000;

const tasksPath = `/api/v1/workspaces/${WORKSPACE_ID}/tasks`;
/** The list the scenarios load: filtered by status, sorted by due date, 20 a page. */
export const listPath = `${tasksPath}?status=todo,in_progress&sort=due&limit=20`;
export const getPath = `${tasksPath}/${TASK_ID}`;
export const createPath = tasksPath;
export const createBody = { title: 'A task made under load', priority: 'high', labels: ['bench'] };

export async function fill(database: Database) {
  const passwordHash = await createPasswordService().hash(benchUser.password);
  const user = await createAuthRepository(database.db).insertAdmin({
    email: benchUser.email,
    name: 'Bench',
    passwordHash,
  });
  if (!user) throw new Error('the bench database is not empty');
  const db = database.db;
  const positions = generateNKeysBetween(null, null, TASK_COUNT);
  await sql`insert into workspaces (id, name, created_by) values (${WORKSPACE_ID}, 'Bench', ${user.id})`.execute(
    db,
  );
  await sql`insert into workspace_members (workspace_id, user_id, role) values (${WORKSPACE_ID}, ${user.id}, 'owner')`.execute(
    db,
  );
  await sql`
    insert into tasks (id, workspace_id, title, description, status, priority, due_date, labels, position, created_by)
    select case when g = 1 then ${TASK_ID}::uuid else gen_random_uuid() end, ${WORKSPACE_ID},
      'Task number ' || g, 'What task ' || g || ' is about, in a sentence or two.',
      (array['todo', 'in_progress', 'done'])[1 + g % 3]::task_status,
      (array['low', 'medium', 'high', 'urgent'])[1 + g % 4]::task_priority,
      case when g % 3 <> 0 then date '2026-01-01' + (g % 400) end,
      case when g % 5 = 0 then array['ops', 'backend'] else array['frontend'] end,
      p.key, ${user.id}
    from (select key, n::int as g from unnest(${positions}::text[]) with ordinality as u(key, n)) p`.execute(
    db,
  );
  await sql`analyze`.execute(db);
}

/**
 * The entry of a fixture script: `node <script> embedded <dataDir> | postgres <url>` opens that
 * migrated database, fills it, and closes it.
 */
export async function runFixture(
  script: string,
  fillDatabase: (database: Database) => Promise<void>,
) {
  const [kind, target] = process.argv.slice(2);
  if ((kind !== 'embedded' && kind !== 'postgres') || !target) {
    console.error(`usage: node ${script} embedded <dataDir> | postgres <url>`);
    process.exit(2);
  }
  const database =
    kind === 'embedded'
      ? await openEmbeddedDatabase(target)
      : openPostgresDatabase(target, loadConfig({}).db);
  try {
    await fillDatabase(database);
  } finally {
    await database.close();
  }
}

if (import.meta.main) await runFixture('scripts/bench/task-fixture.ts', fill);
