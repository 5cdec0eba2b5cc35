import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createEventBus, type EventBus, type Subscriber } from './event-bus.ts';
import type { EventRow } from './events.repository.ts';

/** The fan-out alone, over an outbox in memory: what each subscriber is sent, in order. */
function outbox() {
  const rows: EventRow[] = [];
  const add = (type: string, workspace: string | null, user: string | null = null) => {
    rows.push({
      id: String(rows.length + 1),
      type,
      workspace_id: workspace,
      user_id: user,
      actor_id: null,
      payload: {},
      created_at: new Date(0).toISOString(),
    });
  };
  const repo = {
    head: async () => String(rows.length),
    readAfter: async (after: string, limit: number) =>
      rows.filter((r) => Number(r.id) > Number(after)).slice(0, limit),
  };
  return { rows, add, repo };
}

function subscriber(userId: string) {
  const received: string[] = [];
  const sub: Subscriber = {
    userId,
    workspaces: new Set(),
    write(frame) {
      received.push(frame.match(/^id: (\d+)/)?.[1] ?? '?');
      return true;
    },
  };
  return { sub, received };
}

const logger = pino({ level: 'silent' });

/** A started bus over an outbox in memory. */
async function startedBus(options: { batchSize?: number } = {}) {
  const db = outbox();
  const bus = createEventBus({ repo: db.repo, logger, ...options });
  await bus.start();
  return { db, bus };
}

/** A stream of `userId` on the bus: catching up until it is activated. */
function subscribed(bus: EventBus, userId: string) {
  const stream = subscriber(userId);
  bus.subscribe(stream.sub);
  return stream;
}

describe('the event bus', () => {
  it('never sends a stream what it replayed, though the reader is behind it', async () => {
    const { db, bus } = await startedBus({ batchSize: 2 });
    for (let i = 0; i < 6; i++) db.add('task.created', 'w1');
    const { sub, received } = subscribed(bus, 'u1');
    // The stream replayed 1–6 from the database and starts after 6; the reader has read none.
    bus.activate(sub, ['w1'], '6');
    db.add('task.created', 'w1');
    await bus.wake();
    expect(received).toEqual(['7']);
  });

  it('gives a catching-up stream what was read meanwhile, once, after its start point', async () => {
    const { db, bus } = await startedBus();
    const { sub, received } = subscribed(bus, 'u1');
    db.add('task.created', 'w1');
    db.add('task.created', 'w1');
    await bus.wake();
    expect(received).toEqual([]);
    bus.activate(sub, ['w1'], '1');
    expect(received).toEqual(['2']);
  });

  it('follows memberships in event order: joins before, leaves after', async () => {
    const { db, bus } = await startedBus();
    const { sub, received } = subscribed(bus, 'u1');
    bus.activate(sub, [], '0');
    db.add('task.created', 'w1'); // 1: not a member yet
    db.add('member.added', 'w1', 'u1'); // 2
    db.add('task.created', 'w1'); // 3
    db.add('member.removed', 'w1', 'u1'); // 4: told, then gone
    db.add('task.created', 'w1'); // 5
    db.add('notification.created', null, 'u1'); // 6: their own
    db.add('notification.created', null, 'u2'); // 7: someone else's
    await bus.wake();
    expect(received).toEqual(['2', '3', '4', '6']);
    expect(bus.streamsOf('u1')).toBe(1);
  });

  it('drops a stream that cannot keep up, and reads once per wake-up for all streams', async () => {
    const db = outbox();
    let reads = 0;
    const bus = createEventBus({
      repo: {
        ...db.repo,
        readAfter: (after, limit) => {
          reads++;
          return db.repo.readAfter(after, limit);
        },
      },
      logger,
    });
    await bus.start();
    const streams = Array.from({ length: 50 }, (_, i) => subscriber(`u${i}`));
    for (const { sub } of streams) {
      bus.subscribe(sub);
      bus.activate(sub, ['w1'], '0');
    }
    const slow = streams[0]?.sub;
    if (slow) slow.write = () => false;
    db.add('task.created', 'w1');
    await bus.wake();
    expect(reads).toBe(1);
    expect(streams.slice(1).every((s) => s.received.length === 1)).toBe(true);
    expect(bus.size).toBe(49);
  });
});
