import { MAX_REPLAY } from '@taskflow/contract';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { transact } from '../../platform/db/transact.ts';
import { testPassword } from '../../test/accounts.ts';
import { listenLocally } from '../../test/app.ts';
import { openStream, type Received } from '../../test/event-stream.ts';
import { loadOpenApiDocument, type Schema, validatorsFor } from '../../test/fuzz/index.ts';
import { createTeam, useTestUsers } from '../../test/users.ts';
import { addMember, createTask, createWorkspace, tasksPath } from '../../test/workspaces.ts';
import { createEventsRepository } from './events.repository.ts';
import { appendEvents } from './outbox.ts';

const { ctx, signUp, ada, bob } = useTestUsers(['ada', 'bob'], {
  SSE_MAX_STREAMS_PER_USER: '3',
  SSE_HEARTBEAT_SECONDS: '1',
});
let base: string;
let validMessage: (message: unknown) => boolean;

beforeAll(async () => {
  base = await listenLocally(ctx.app);
  const doc = await loadOpenApiDocument(ctx.app);
  const op = doc.paths['/api/v1/events']?.get as { responses: Record<string, Schema> };
  const content = op.responses['200']?.content as Record<string, { schema: Schema }>;
  const schema = content['text/event-stream']?.schema;
  if (!schema) throw new Error('the stream has no documented schema');
  validMessage = validatorsFor(doc)(schema) as (message: unknown) => boolean;
});

/** What the stream carried, without the SSE framing fields. */
const payload = ({ sseId: _id, sseEvent: _event, ...message }: Received) => message;

function expectDocumented(messages: Received[]) {
  for (const message of messages) {
    expect(message.sseId).toBe(message.id);
    expect(message.sseEvent).toBe(message.type);
    expect(validMessage(payload(message)), JSON.stringify(message)).toBe(true);
  }
}

const eventCount = async () =>
  (await sql<{ n: number }>`select count(*)::int as n from events`.execute(ctx.database.db)).rows[0]
    ?.n;

describe('the event stream', () => {
  it('opens with a retry hint and ready, then delivers each change of the caller’s workspaces', async () => {
    const stream = await openStream(base, ada.accessToken);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(stream.response.headers.get('cache-control')).toBe('no-store');
    expect(stream.response.headers.get('x-request-id')).toBeTruthy();
    await stream.ready();
    expect(stream.retry).toBe(2000);

    const task = await createTask(ada, ada.personalId, { title: 'Live' });
    await ada.send('PATCH', `${tasksPath(ada.personalId)}/${task.id}`, { status: 'done' });
    await ada.send('DELETE', `${tasksPath(ada.personalId)}/${task.id}`);
    await ada.send('POST', `${tasksPath(ada.personalId)}/${task.id}/restore`);
    await stream.until((m) => m.some((e) => e.type === 'task.restored'));
    await stream.close();

    const events = stream.events();
    expect(events.map((e) => e.type)).toEqual([
      'task.created',
      'task.updated',
      'task.deleted',
      'task.restored',
    ]);
    expect(events[0]).toMatchObject({
      workspaceId: ada.personalId,
      actorId: ada.userId,
      data: { task: { id: task.id, title: 'Live', version: 1 } },
    });
    expect(events[1]).toMatchObject({ data: { task: { status: 'done', version: 2 } } });
    expect(events[2]).toMatchObject({ data: { taskId: task.id } });
    const ids = events.map((e) => BigInt(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : 1)));
    expectDocumented(stream.messages);
  });

  it('writes no event for a change that is rolled back', async () => {
    const task = await createTask(ada, ada.personalId, { title: 'Stays' });
    const before = await eventCount();
    const stale = await ada.send(
      'PATCH',
      `${tasksPath(ada.personalId)}/${task.id}`,
      { title: 'Stale' },
      { 'if-match': '"9"' },
    );
    expect(stale.statusCode).toBe(412);
    const bulk = await ada.send('POST', `${tasksPath(ada.personalId)}/bulk-status`, {
      ids: [task.id, '00000000-0000-4000-8000-000000000000'],
      status: 'done',
    });
    expect(bulk.statusCode).toBe(404);
    const foreignAssignee = await ada.send('PATCH', `${tasksPath(ada.personalId)}/${task.id}`, {
      assigneeId: bob.userId,
    });
    expect(foreignAssignee.statusCode).toBe(400);
    expect(await eventCount()).toBe(before);
    // An append inside a transaction that fails afterwards leaves nothing either.
    await expect(
      transact(ctx.database.db, async (trx) => {
        await appendEvents(trx, [
          { type: 'task.deleted', workspaceId: ada.personalId, actorId: null, data: {} },
        ]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await eventCount()).toBe(before);
  });

  it('replays what was missed after Last-Event-ID, in order, once; the query parameter works too', async () => {
    const first = await openStream(base, ada.accessToken);
    await first.ready();
    const since = first.lastId();
    await first.close();
    const titles = ['one', 'two', 'three', 'four', 'five'];
    for (const title of titles) await createTask(ada, ada.personalId, { title });

    const again = await openStream(base, ada.accessToken, { lastEventId: since });
    await again.ready();
    const replayed = again.events();
    expect(replayed.map((e) => e.type === 'task.created' && e.data.task.title)).toEqual(titles);
    expect(again.messages.at(-1)?.type).toBe('ready');
    // Live events follow the replay without a gap or a repeat.
    await createTask(ada, ada.personalId, { title: 'six' });
    await again.until((m) => m.length === titles.length + 2);
    await again.close();
    expectDocumented(again.messages);

    const controller = new AbortController();
    const byQuery = await fetch(`${base}/api/v1/events?lastEventId=${since}`, {
      headers: { authorization: `Bearer ${ada.accessToken}` },
      signal: controller.signal,
    });
    expect(byQuery.status).toBe(200);
    const reader = byQuery.body?.getReader();
    let text = '';
    while (!text.includes('event: ready')) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    controller.abort();
    expect(text.match(/event: task\.created/g)).toHaveLength(titles.length + 1);
  });

  it('answers reset instead of a replay it cannot make', async () => {
    await createTask(ada, ada.personalId, { title: 'So that there is a past' });
    const stream = await openStream(base, ada.accessToken);
    await stream.ready();
    const head = stream.lastId() ?? '0';
    await stream.close();

    const future = await openStream(base, ada.accessToken, {
      lastEventId: `${BigInt(head) + 100n}`,
    });
    await future.ready();
    await future.close();
    expect(future.messages.map(payload)).toEqual([
      { id: head, type: 'reset', reason: 'unknown_id' },
    ]);

    await sql`update event_sequence set pruned_through = ${head}`.execute(ctx.database.db);
    try {
      const old = await openStream(base, ada.accessToken, { lastEventId: '1' });
      await old.ready();
      await old.close();
      expect(old.messages.map(payload)).toEqual([{ id: head, type: 'reset', reason: 'too_old' }]);
    } finally {
      await sql`update event_sequence set pruned_through = 0`.execute(ctx.database.db);
    }

    const many = Array.from({ length: MAX_REPLAY + 1 }, () => ({
      type: 'task.deleted',
      workspaceId: ada.personalId,
      actorId: null,
      data: { taskId: ada.userId },
    }));
    await transact(ctx.database.db, (trx) => appendEvents(trx, many));
    const behind = await openStream(base, ada.accessToken, { lastEventId: head });
    await behind.ready();
    await behind.close();
    expect(behind.messages.map((m) => m.type)).toEqual(['reset']);
    expect(behind.messages[0]).toMatchObject({ reason: 'too_many' });
    expect(BigInt(behind.lastId() ?? 0)).toBe(BigInt(head) + BigInt(MAX_REPLAY + 1));
  });

  it('refuses a stream without a valid token, a malformed Last-Event-ID, and past the per-user cap', async () => {
    const anonymous = await fetch(`${base}/api/v1/events`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
    expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    const forged = await fetch(`${base}/api/v1/events`, {
      headers: { authorization: 'Bearer not.a.token' },
    });
    expect(forged.status).toBe(401);
    await forged.body?.cancel();
    const malformed = await fetch(`${base}/api/v1/events`, {
      headers: { authorization: `Bearer ${bob.accessToken}`, 'last-event-id': '12abc' },
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: 'VALIDATION_FAILED' });

    const open = [];
    for (let i = 0; i < 3; i++) {
      const stream = await openStream(base, bob.accessToken);
      await stream.ready();
      open.push(stream);
    }
    const fourth = await fetch(`${base}/api/v1/events`, {
      headers: { authorization: `Bearer ${bob.accessToken}` },
    });
    expect(fourth.status).toBe(429);
    expect(await fourth.json()).toMatchObject({ code: 'RATE_LIMITED' });
    await Promise.all(open.map((s) => s.close()));
    // Closed streams free their places at once.
    await expect.poll(() => ctx.app.eventBus.streamsOf(bob.userId)).toBe(0);
  });
});

describe('retention', () => {
  it('prunes events past the window; a Last-Event-ID from before them gets reset', async () => {
    const repo = createEventsRepository(ctx.database.db);
    const since = await repo.head();
    await createTask(ada, ada.personalId, { title: 'old news' });
    await createTask(ada, ada.personalId, { title: 'recent' });
    const old = BigInt(since) + 1n;
    await sql`update events set created_at = now() - interval '8 days' where id <= ${old}`.execute(
      ctx.database.db,
    );
    expect(await repo.prune(new Date(Date.now() - 7 * 86_400_000))).toBeGreaterThan(0);
    const start = await repo.startPoint(ada.userId);
    expect(BigInt(start.prunedThrough)).toBe(old);

    const stale = await openStream(base, ada.accessToken, { lastEventId: since });
    await stale.ready();
    await stale.close();
    expect(stale.messages.map((m) => m.type)).toEqual(['reset']);
    const fresh = await openStream(base, ada.accessToken, { lastEventId: `${old}` });
    await fresh.ready();
    await fresh.close();
    expect(fresh.events().map((e) => e.type === 'task.created' && e.data.task.title)).toEqual([
      'recent',
    ]);
  });
});

describe('who receives what', () => {
  it('never an event of a workspace one does not belong to, including right after leaving it', async () => {
    const carol = await signUp('carol');
    const dave = await signUp('dave');
    const shared = (await createWorkspace(carol, 'Shared')).id;
    const daves = await openStream(base, dave.accessToken);
    await daves.ready();

    await createTask(carol, shared, { title: 'before dave' });
    await addMember(carol, shared, dave.email);
    await createTask(carol, shared, { title: 'while dave is in' });
    await carol.send('DELETE', `/api/v1/workspaces/${shared}/members/${dave.userId}`);
    // Written right after the removal commits: dave must not see these.
    await createTask(carol, shared, { title: 'after dave' });
    await carol.send('PATCH', `/api/v1/workspaces/${shared}`, { name: 'Renamed' });
    // A marker in dave's own workspace: once it arrives, everything before it has been sent.
    await createTask(dave, dave.personalId, { title: 'marker' });
    await daves.until((m) =>
      m.some((e) => e.type === 'task.created' && e.data.task.title === 'marker'),
    );
    await daves.close();

    const seen = daves.events().map((e) => {
      if (e.type === 'task.created') return `task ${e.data.task.title}`;
      if (e.type === 'member.added' || e.type === 'member.removed') return e.type;
      return e.type;
    });
    expect(seen).toEqual([
      'member.added',
      // Dave is told he was added (his own notification, in the same transaction).
      'notification.created',
      'task while dave is in',
      'member.removed',
      'task marker',
    ]);
    expectDocumented(daves.messages);

    // And a replay from before it all gives him no more than that.
    const replay = await openStream(base, dave.accessToken, { lastEventId: daves.messages[0]?.id });
    await replay.ready();
    await replay.close();
    const replayed = replay.events().map((e) => e.type === 'task.created' && e.data.task.title);
    expect(replayed).not.toContain('before dave');
    expect(replayed).not.toContain('after dave');
    expect(replay.events().some((e) => e.type === 'workspace.updated')).toBe(false);
  });

  it('a notification reaches only its reader', async () => {
    const erin = await signUp('erin');
    const frank = await signUp('frank');
    const team = await createTeam(erin, 'Team', frank);
    const erins = await openStream(base, erin.accessToken);
    const franks = await openStream(base, frank.accessToken);
    await Promise.all([erins.ready(), franks.ready()]);
    await createTask(erin, team, { title: 'For frank', assigneeId: frank.userId });
    await franks.until((m) => m.some((e) => e.type === 'notification.created'));
    await erins.until((m) => m.some((e) => e.type === 'task.created'));
    await createTask(erin, erin.personalId, { title: 'marker' });
    await erins.until((m) =>
      m.some((e) => e.type === 'task.created' && e.data.task.title === 'marker'),
    );
    await Promise.all([erins.close(), franks.close()]);
    expect(erins.events().some((e) => e.type === 'notification.created')).toBe(false);
    const notice = franks.events().find((e) => e.type === 'notification.created');
    expect(notice).toMatchObject({
      workspaceId: null,
      data: {
        notification: { type: 'task.assigned', title: 'Test User assigned you “For frank”' },
      },
    });
    expectDocumented(franks.messages);
  });
});

describe('many writers, a subscriber that keeps reconnecting', () => {
  it('receives every event exactly once, in id order', async () => {
    const gina = await signUp('gina');
    const ws = (await createWorkspace(gina, 'Busy')).id;
    const tasks = await Promise.all(
      Array.from({ length: 20 }, (_, i) => createTask(gina, ws, { title: `Writer ${i}` })),
    );
    const first = await openStream(base, gina.accessToken);
    await first.ready();
    const start = first.lastId() ?? '0';
    await first.close();

    let writing = true;
    const writers = Promise.all(
      tasks.map(async (task) => {
        for (let n = 0; n < 100; n++) {
          const res = await gina.send('PATCH', `${tasksPath(ws)}/${task.id}`, {
            description: `update ${n}`,
          });
          if (res.statusCode !== 200) throw new Error(`update failed: ${res.body}`);
        }
      }),
    ).finally(() => {
      writing = false;
    });

    const received: Received[] = [];
    let last = start;
    let reconnects = 0;
    // A deterministic pseudo-random walk of connection lengths (5–60 ms).
    let seed = 7;
    const nextDelay = () => {
      seed = (seed * 48_271) % 2_147_483_647;
      return 5 + (seed % 56);
    };
    while (writing) {
      const stream = await openStream(base, gina.accessToken, { lastEventId: last });
      await new Promise((resolve) => setTimeout(resolve, nextDelay()));
      await stream.close();
      received.push(...stream.events());
      last = stream.lastId() ?? last;
      reconnects++;
    }
    await writers;
    const final = await openStream(base, gina.accessToken, { lastEventId: last });
    await final.ready();
    await final.close();
    received.push(...final.events());

    const expected = (
      await sql<{ id: string }>`select id::text from events
        where id > ${start} and (workspace_id = ${ws} or user_id = ${gina.userId})
        order by events.id`.execute(ctx.database.db)
    ).rows.map((r) => r.id);
    expect(expected.length).toBeGreaterThanOrEqual(2000);
    expect(reconnects).toBeGreaterThan(3);
    expect(received.map((e) => e.id)).toEqual(expected);
  }, 240_000);
});

describe('ending streams', () => {
  it('ends a stream once its session is revoked', async () => {
    const hal = await signUp('hal');
    const stream = await openStream(base, hal.accessToken);
    await stream.ready();
    const res = await hal.send('POST', '/api/v1/me/sessions/revoke-all', {
      password: testPassword,
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    await stream.done;
    expect(stream.ended).toBe(true);
  });

  it('on shutdown, with a retry hint, so that the client reconnects elsewhere', async () => {
    const ivy = await signUp('ivy');
    const stream = await openStream(base, ivy.accessToken);
    await stream.ready();
    const closing = ctx.app.close();
    await stream.done;
    await closing;
    expect(stream.ended).toBe(true);
    expect(stream.retry).toBeGreaterThanOrEqual(1000);
    expect(stream.retry).toBeLessThanOrEqual(3000);
  });
});
