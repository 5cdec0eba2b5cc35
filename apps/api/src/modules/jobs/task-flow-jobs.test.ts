import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JobContext, JobDefinition } from '../../platform/queue/job-queue.ts';
import { createTeam, useTestUsers } from '../../test/users.ts';
import { createTask } from '../../test/workspaces.ts';

/**
 * TaskFlow's job handlers: each is idempotent (run twice, one effect), which is what makes a
 * retry after a crash safe. Handlers are run directly here, twice, as a redelivery would.
 */
const { ctx, ada, bob } = useTestUsers(['ada', 'bob'], { JOBS_IN_PROCESS: 'false' });
let team: string;

beforeAll(async () => {
  team = await createTeam(ada, 'Team', bob);
});

const definition = (type: string) => {
  const def = ctx.jobs.queue.definitions().find((d) => d.type === type);
  if (!def) throw new Error(`no job type ${type}`);
  return def as JobDefinition<unknown>;
};
const context = (jobId: string): JobContext => ({
  jobId,
  attempt: 1,
  requestId: null,
  logger: ctx.app.log as never,
});
const count = async (query: ReturnType<typeof sql>) =>
  (await sql<{ n: number }>`select count(*)::int as n from ${query}`.execute(ctx.database.db))
    .rows[0]?.n ?? 0;

describe('idempotent job handlers', () => {
  it('mail.send stores one mail however often its job runs', async () => {
    const mail = { to: 'someone@example.com', subject: 'Once', text: 'Only once' };
    const send = definition('mail.send');
    await send.handle(mail, context('00000000-0000-4000-8000-000000000001'));
    await send.handle(mail, context('00000000-0000-4000-8000-000000000001'));
    expect(await count(sql`mail_outbox where subject = 'Once'`)).toBe(1);
    // The same mail under a key is sent once even from two jobs.
    const keyed = { ...mail, subject: 'Keyed', key: 'k-1' };
    await send.handle(keyed, context('00000000-0000-4000-8000-000000000002'));
    await send.handle(keyed, context('00000000-0000-4000-8000-000000000003'));
    expect(await count(sql`mail_outbox where subject = 'Keyed'`)).toBe(1);
  });

  it('tasks.due-reminders tells the assignee once per task and due date', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const task = await createTask(ada, team, {
      title: 'Due soon',
      dueDate: today,
      assigneeId: bob.userId,
    });
    await createTask(ada, team, { title: 'Not assigned', dueDate: today });
    await createTask(ada, team, {
      title: 'Far off',
      dueDate: '2099-01-01',
      assigneeId: bob.userId,
    });
    const remind = definition('tasks.due-reminders');
    await remind.handle({}, context('00000000-0000-4000-8000-000000000010'));
    await remind.handle({}, context('00000000-0000-4000-8000-000000000011'));
    const notices = await sql<{ title: string; user_id: string }>`
      select title, user_id from notifications where type = 'task.due'`.execute(ctx.database.db);
    expect(notices.rows).toEqual([{ title: '“Due soon” is due today', user_id: bob.userId }]);
    // Its mail is a job of its own, enqueued with the reminder.
    const mails = await sql<{ data: { payload: { to: string; key: string } } }>`
      select data from pgboss.job
      where name = 'mail.send' and data->'payload'->>'key' like 'due:%'`.execute(ctx.database.db);
    expect(mails.rows.map((r) => r.data.payload)).toEqual([
      expect.objectContaining({ to: bob.email, key: `due:${task.id}:${today}` }),
    ]);
    // A new due date is news again.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await ada.send('PATCH', `/api/v1/workspaces/${team}/tasks/${task.id}`, { dueDate: tomorrow });
    await remind.handle({}, context('00000000-0000-4000-8000-000000000012'));
    expect(await count(sql`notifications where type = 'task.due'`)).toBe(2);
  });

  it('maintenance jobs remove what has ended and keep what has not', async () => {
    const before = await count(sql`sessions`);
    await sql`update sessions set absolute_expires_at = now() - interval '2 days'
      where id = (select id from sessions order by created_at limit 1)`.execute(ctx.database.db);
    await definition('maintenance.purge-sessions').handle({}, context(crypto.randomUUID()));
    expect(await count(sql`sessions`)).toBe(before - 1);

    const events = await count(sql`events`);
    await sql`update events set created_at = now() - interval '30 days'
      where id = (select min(id) from events)`.execute(ctx.database.db);
    await definition('maintenance.prune-events').handle({}, context(crypto.randomUUID()));
    expect(await count(sql`events`)).toBe(events - 1);
  });
});
