import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { transact } from '../../platform/db/transact.ts';
import { listenLocally } from '../../test/app.ts';
import { testDatabaseUrl } from '../../test/database.ts';
import { openStream, type Received } from '../../test/event-stream.ts';
import { useTestUsers } from '../../test/users.ts';
import { addMember, createTask, createWorkspace, type User } from '../../test/workspaces.ts';
import { appendEvents } from './outbox.ts';

/**
 * The outbox's guarantees as a property (decision 0036): writers in several workspaces at once,
 * a subscriber whose memberships change under them and who keeps reconnecting, and (on
 * PostgreSQL, where a transaction can stay open beside others) a transaction that holds an event
 * of another workspace open meanwhile. Whatever the interleaving, the subscriber receives every
 * event it may see once, in the outbox's order, and none it may not; the open transaction delays
 * nobody.
 */
const { ctx, ada, gina } = useTestUsers(['ada', 'gina']);
let base: string;

beforeAll(async () => {
  base = await listenLocally(ctx.app);
});

type Step = 'write' | 'toggle';
type Plan = { lanes: Step[][]; connectionsMs: number[] };

const plans: fc.Arbitrary<Plan> = fc.record({
  lanes: fc.array(fc.array(fc.constantFrom<Step>('write', 'write', 'toggle'), { maxLength: 10 }), {
    minLength: 2,
    maxLength: 4,
  }),
  connectionsMs: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 30 }),
});

type Stamped = { id: string; type: string; workspace_id: string | null; user_id: string | null };

/**
 * What `user` may receive of `events` (in id order), starting as a member of `workspaces`: a
 * workspace's events while a member, from the `member.added` (or `workspace.created`) that makes
 * them one through the `member.removed` that ends it, and every event addressed to them.
 */
function visibleTo(user: string, workspaces: Set<string>, events: Stamped[]): string[] {
  const members = new Set(workspaces);
  const visible: string[] = [];
  for (const e of events) {
    const ws = e.workspace_id;
    const concerns = e.user_id === user;
    if (ws && concerns && (e.type === 'member.added' || e.type === 'workspace.created')) {
      members.add(ws);
    }
    if ((ws && members.has(ws)) || concerns) visible.push(e.id);
    if (ws && ((concerns && e.type === 'member.removed') || e.type === 'workspace.deleted')) {
      members.delete(ws);
    }
  }
  return visible;
}

const stampedAfter = async (id: string) =>
  (
    await sql<Stamped>`select id::text, type, workspace_id, user_id from events
      where id > ${id} order by events.id`.execute(ctx.database.db)
  ).rows;

const membershipsOf = async (user: User) =>
  new Set(
    (
      await sql<{ workspace_id: string }>`select workspace_id from workspace_members
        where user_id = ${user.userId}`.execute(ctx.database.db)
    ).rows.map((r) => r.workspace_id),
  );

/** One lane: its steps on its own workspace, one after the other. */
async function runLane(workspaceId: string, steps: Step[]) {
  let member = false;
  for (const step of steps) {
    if (step === 'write') {
      await createTask(ada, workspaceId, { title: 'Lane' });
    } else if (member) {
      const res = await ada.send(
        'DELETE',
        `/api/v1/workspaces/${workspaceId}/members/${gina.userId}`,
      );
      if (res.statusCode !== 204) throw new Error(`removal failed: ${res.body}`);
      member = false;
    } else {
      await addMember(ada, workspaceId, gina.email);
      member = true;
    }
  }
}

/**
 * A transaction that appends an event of `workspaceId` and stays open until `release` is called,
 * as a long report or migration would; resolves once it has committed.
 */
function holdOpen(workspaceId: string) {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let opened = () => {};
  const open = new Promise<void>((resolve) => {
    opened = resolve;
  });
  const committed = transact(ctx.database.db, async (trx) => {
    await appendEvents(trx, [
      { type: 'task.deleted', workspaceId, actorId: ada.userId, data: { taskId: ada.userId } },
    ]);
    opened();
    await released;
  });
  return { open, release, committed };
}

describe('the outbox under concurrent writers', () => {
  it('delivers every event a changing member may see, once, in order, and none other; an open transaction stalls nobody', async () => {
    const longRunning = testDatabaseUrl !== undefined;
    // A workspace of gina's that only the open transaction writes to.
    const quiet = (await createWorkspace(ada, 'Quiet')).id;
    await addMember(ada, quiet, gina.email);

    await fc.assert(
      fc.asyncProperty(plans, async ({ lanes, connectionsMs }) => {
        const workspaces = await Promise.all(
          lanes.map(async (_, i) => (await createWorkspace(ada, `Lane ${i}`)).id),
        );
        const first = await openStream(base, gina.accessToken);
        await first.ready();
        const start = first.lastId() ?? '0';
        await first.close();
        const initially = await membershipsOf(gina);
        const held = longRunning ? holdOpen(quiet) : undefined;
        await held?.open;

        const received: Received[] = [];
        let last = start;
        const reconnect = async (ms: number) => {
          const stream = await openStream(base, gina.accessToken, { lastEventId: last });
          if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
          else await stream.ready();
          await stream.close();
          received.push(...stream.events());
          last = stream.lastId() ?? last;
        };
        let writing = true;
        const writers = Promise.all(
          lanes.map((steps, i) => runLane(workspaces[i] ?? '', steps)),
        ).finally(() => {
          writing = false;
        });
        for (let i = 0; writing; i++) await reconnect(connectionsMs[i % connectionsMs.length] ?? 0);
        await writers;
        // The lanes finished while the transaction was open: gina has everything up to the head.
        await reconnect(0);
        const beforeCommit = await stampedAfter(start);
        expect(received.map((e) => e.id)).toEqual(visibleTo(gina.userId, initially, beforeCommit));

        held?.release();
        await held?.committed;
        await reconnect(0);
        const stamped = await stampedAfter(start);
        expect(received.map((e) => e.id)).toEqual(visibleTo(gina.userId, initially, stamped));
        if (held) expect(stamped.at(-1)?.workspace_id).toBe(quiet);
      }),
      { numRuns: 8 },
    );
  }, 240_000);
});
