/**
 * The data of the fan-out scenarios: a publisher and 20 subscribers, ordinary verified users each
 * with their personal workspace, all members of one shared workspace.
 *   node scripts/bench/fanout-fixture.ts embedded <dataDir>
 *   node scripts/bench/fanout-fixture.ts postgres <url>
 * fills the database there, once migrated (`fillWith` in task-scenarios.ts does both).
 */
import { sql } from 'kysely';
import { createAuthRepository } from '../../apps/api/src/modules/auth/auth.repository.ts';
import { createPasswordService } from '../../apps/api/src/modules/auth/password.ts';
import type { Database } from '../../apps/api/src/platform/db/database.ts';
import { runFixture } from './task-fixture.ts';

export const FANOUT_WORKSPACE_ID = '00000000-0000-4000-8000-00000000f001';
/** Subscribers' accounts; their streams are spread evenly over them. */
export const SUBSCRIBER_USERS = 20;
export const fanoutPassword = 'fan-out bench passphrase';
export const publisherEmail = 'fanout-publisher@example.com';
export const subscriberEmails = Array.from(
  { length: SUBSCRIBER_USERS },
  (_, i) => `fanout-${i + 1}@example.com`,
);

export async function fill(database: Database) {
  const db = database.db;
  const repo = createAuthRepository(db);
  // One hash for all: they share the password, and argon2 is the slow part of the fixture.
  const passwordHash = await createPasswordService().hash(fanoutPassword);
  const ids: string[] = [];
  for (const [i, email] of [publisherEmail, ...subscriberEmails].entries()) {
    const user = await repo.insertUser({ email, name: `Fan-out ${i}`, passwordHash });
    if (!user) throw new Error('the fan-out database is not empty');
    await repo.markEmailVerified(user.id);
    ids.push(user.id);
  }
  const [publisher, ...subscribers] = ids;
  if (!publisher) throw new Error('no publisher');
  await sql`insert into workspaces (id, name, created_by) values (${FANOUT_WORKSPACE_ID}, 'Fan-out', ${publisher})`.execute(
    db,
  );
  await db
    .insertInto('workspace_members')
    .values([
      { workspace_id: FANOUT_WORKSPACE_ID, user_id: publisher, role: 'owner' },
      ...subscribers.map((id) => ({
        workspace_id: FANOUT_WORKSPACE_ID,
        user_id: id,
        role: 'member' as const,
      })),
    ])
    .execute();
}

if (import.meta.main) await runFixture('scripts/bench/fanout-fixture.ts', fill);
