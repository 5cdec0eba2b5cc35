import { type LogEvent, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestUsers } from '../../test/users.ts';
import { addMember, createTask, createWorkspace, tasksPath } from '../../test/workspaces.ts';

/** No N+1: a list costs the same statements whether it holds 1, 20 or 100 rows. */
const statements: string[] = [];
let counting = false;

/**
 * The live-update fan-out reads the outbox (or, with no stream open, its head) once per commit
 * and instance, and its poll looks for events left unstamped, asynchronously: those reads belong
 * to no request and are not counted.
 */
const fanOutRead = /^select ((last_id|id)::text as|exists \(select 1 from event_outbox\))/;

const record = (event: LogEvent) => {
  if (counting && event.level === 'query' && !fanOutRead.test(event.query.sql)) {
    statements.push(event.query.sql);
  }
};

/** The SQL statements one request issues (after a first, uncounted request warmed the caches). */
async function countFor(url: string) {
  await ada.get(url);
  statements.length = 0;
  counting = true;
  const res = await ada.get(url);
  counting = false;
  expect(res.statusCode, res.body).toBe(200);
  const items = res.json().items as { counts?: { comments: number } }[] | undefined;
  const comments = items?.reduce((sum, item) => sum + (item.counts?.comments ?? 0), 0);
  return { count: statements.length, size: items?.length, comments };
}

const { ctx, signUp, ada } = useTestUsers(['ada'], {}, { log: record });

/**
 * Adding a member mails them through a job: its statements run in the background, in no request,
 * so the counting waits until that mail is sent.
 */
const mailsSent = () =>
  expect
    .poll(
      async () => {
        const { rows } = await sql<{ n: number }>`
          select count(*)::int as n from pgboss.job
          where name = 'mail.send' and state in ('created', 'retry', 'active')`.execute(
          ctx.database.db,
        );
        return rows[0]?.n;
      },
      { timeout: 30_000 },
    )
    .toBe(0);

describe('statements per request', () => {
  it('listing 1, 20 and 100 tasks with their counts (filtered, searched, sorted) issues one statement', async () => {
    const ws = (await createWorkspace(ada, 'Counting')).id;
    const counts: number[] = [];
    let made = 0;
    for (const size of [1, 20, 100]) {
      for (; made < size; made++) {
        const task = await createTask(ada, ws, {
          title: `Task ${made}`,
          labels: ['x'],
          priority: 'high',
        });
        // Each card counts its comments: in the list's statement, never one more per card.
        await ctx.database.db
          .insertInto('task_comments')
          .values({ workspace_id: ws, task_id: task.id, author_id: ada.userId, body: 'Noted' })
          .execute();
      }
      for (const query of [
        '',
        '&status=todo&priority=high&label=x&sort=due',
        '&q=task&sort=relevance',
      ]) {
        const result = await countFor(`${tasksPath(ws)}?limit=${size}${query}`);
        expect(result.size).toBe(size);
        expect(result.comments).toBe(size);
        counts.push(result.count);
      }
    }
    expect(new Set(counts)).toEqual(new Set([1]));
  });

  it('listing 1 and 20 workspaces, and 1 and 20 members, does not grow with the rows', async () => {
    const workspaceCounts: number[] = [];
    const memberCounts: number[] = [];
    const team = (await createWorkspace(ada, 'Team')).id;
    for (const [target, users] of [
      [1, 0],
      [20, 19],
    ] as const) {
      while ((await ada.get('/api/v1/workspaces')).json().items.length < target) {
        await createWorkspace(ada, 'More');
      }
      for (
        let i = (await ada.get(`/api/v1/workspaces/${team}/members`)).json().items.length;
        i <= users;
        i++
      ) {
        const user = await signUp(`member${i}`);
        await addMember(ada, team, user.email);
      }
      await mailsSent();
      workspaceCounts.push((await countFor('/api/v1/workspaces')).count);
      memberCounts.push((await countFor(`/api/v1/workspaces/${team}/members`)).count);
    }
    expect(workspaceCounts).toEqual([1, 1]);
    expect(memberCounts).toEqual([2, 2]);
  });

  it('reading a task is one statement; a write is one transaction with its follow-ups', async () => {
    // Once it has committed, the stamp that numbers its events (decision 0036), before it answers.
    const stamp = ['begin', 'select pg_advisory_xact_lock($1) from', 'with moved as', 'commit'];
    const ws = (await createWorkspace(ada, 'Single')).id;
    const task = await createTask(ada, ws, { title: 'One' });
    expect((await countFor(`${tasksPath(ws)}/${task.id}`)).count).toBe(1);
    const write = async (send: () => Promise<unknown>) => {
      statements.length = 0;
      counting = true;
      await send();
      counting = false;
      return statements.map((s) => s.trim().split(/\s+/).slice(0, 3).join(' '));
    };
    expect(await write(() => createTask(ada, ws, { title: 'Two' }))).toEqual([
      'begin',
      'select "m"."role", (select', // membership and the top position
      'insert into "tasks"',
      'insert into "task_followers"', // the creator follows
      'insert into "task_history"', // what happened
      'insert into event_outbox', // the outbox
      'commit',
      ...stamp,
    ]);
    expect(
      await write(() => ada.send('PATCH', `${tasksPath(ws)}/${task.id}`, { title: 'One!' })),
    ).toEqual([
      'begin',
      'select "id", "workspace_id",', // the task, locked
      'update "tasks" set',
      'select "f"."task_id", "f"."user_id",', // followers to notify
      'insert into "task_history"',
      'insert into event_outbox',
      'commit',
      ...stamp,
    ]);
  });
});
