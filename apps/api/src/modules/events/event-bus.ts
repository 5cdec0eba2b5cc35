import type { Logger } from 'pino';
import type { EventRow, EventsRepository } from './events.repository.ts';
import { eventFrame } from './sse.ts';

/** One open stream, as the bus sees it. */
export type Subscriber = {
  readonly userId: string;
  /** The workspaces whose events it receives; follows membership changes in event order. */
  workspaces: Set<string>;
  /** Writes a frame; false if the stream is gone or too far behind (the bus then drops it). */
  write(frame: string): boolean;
  /** While the subscriber catches up, the events read meanwhile wait here. */
  pending?: EventRow[];
  /**
   * The outbox id it has been sent everything up to. The process's reader may still be behind it
   * (a stream that replayed from the database can be ahead of the reader): those events are
   * skipped, never sent twice.
   */
  after?: number;
};

type Deps = {
  repo: Pick<EventsRepository, 'readAfter' | 'head'>;
  logger: Logger;
  /** Rows read per statement; a wake-up reads until it has caught up. */
  batchSize?: number;
};

/** Event types that give the user they concern a workspace, before the event is delivered. */
const joins = new Set(['workspace.created', 'member.added']);

/** The workspace `row` makes `userId` a member of (before it is delivered), if any. */
export function joinedBy(row: EventRow, userId: string): string | undefined {
  return row.workspace_id && row.user_id === userId && joins.has(row.type)
    ? row.workspace_id
    : undefined;
}

/** The workspace `userId` is no longer a member of once `row` is delivered, if any. */
export function leftBy(row: EventRow, userId: string): string | undefined {
  const ws = row.workspace_id;
  if (!ws) return undefined;
  return (row.user_id === userId && row.type === 'member.removed') ||
    row.type === 'workspace.deleted'
    ? ws
    : undefined;
}

/** An event's id as a number (ids stay far below 2^53), computed once per event. */
const outboxIds = new WeakMap<EventRow, number>();
function outboxIdOf(row: EventRow): number {
  let outboxId = outboxIds.get(row);
  if (outboxId === undefined) {
    outboxId = Number(row.id);
    outboxIds.set(row, outboxId);
  }
  return outboxId;
}

const frames = new WeakMap<EventRow, string>();
/** The SSE frame of an event, built once however many subscribers receive it. */
export function frameOf(row: EventRow): string {
  let frame = frames.get(row);
  if (frame === undefined) {
    frame = eventFrame(row);
    frames.set(row, frame);
  }
  return frame;
}

/**
 * The in-process fan-out. Every wake-up (a commit anywhere, told by NOTIFY) makes one read of the
 * outbox for the whole process, whatever the number of subscribers; each event then goes to the
 * subscribers of its workspace and of the user it concerns, in id order. Memberships change as
 * the events that change them pass, so a member removed receives that event and nothing after.
 */
export function createEventBus({ repo, logger, batchSize = 500 }: Deps) {
  let outboxId: string | undefined;
  let reading: Promise<void> | undefined;
  let again = false;
  /** Counts subscriptions, so that a head read never skips past one made while it ran. */
  let generation = 0;
  const byWorkspace = new Map<string, Set<Subscriber>>();
  const byUser = new Map<string, Set<Subscriber>>();
  const catchingUp = new Set<Subscriber>();

  const addTo = (index: Map<string, Set<Subscriber>>, key: string, sub: Subscriber) => {
    const set = index.get(key);
    if (set) set.add(sub);
    else index.set(key, new Set([sub]));
  };
  const removeFrom = (index: Map<string, Set<Subscriber>>, key: string, sub: Subscriber) => {
    const set = index.get(key);
    if (!set) return;
    set.delete(sub);
    if (set.size === 0) index.delete(key);
  };

  function join(sub: Subscriber, workspaceId: string) {
    sub.workspaces.add(workspaceId);
    if (!sub.pending) addTo(byWorkspace, workspaceId, sub);
  }
  function leave(sub: Subscriber, workspaceId: string) {
    sub.workspaces.delete(workspaceId);
    if (!sub.pending) removeFrom(byWorkspace, workspaceId, sub);
  }

  function unsubscribe(sub: Subscriber) {
    catchingUp.delete(sub);
    removeFrom(byUser, sub.userId, sub);
    for (const workspaceId of sub.workspaces) removeFrom(byWorkspace, workspaceId, sub);
  }

  /** One event for one subscriber: membership first, then delivery, then departures. */
  function apply(sub: Subscriber, row: EventRow) {
    const seq = outboxIdOf(row);
    // At or before where the stream starts: sent already, and its membership effects are in the
    // start point's memberships.
    if (seq <= (sub.after ?? 0)) return;
    sub.after = seq;
    const joined = joinedBy(row, sub.userId);
    if (joined) join(sub, joined);
    const ws = row.workspace_id;
    if ((ws && sub.workspaces.has(ws)) || row.user_id === sub.userId) {
      if (!sub.write(frameOf(row))) {
        unsubscribe(sub);
        return;
      }
    }
    const left = leftBy(row, sub.userId);
    if (left) leave(sub, left);
  }

  function dispatch(row: EventRow) {
    for (const sub of catchingUp) sub.pending?.push(row);
    // The user it concerns first (they may join or leave the workspace with this event), then the
    // workspace's other members. No copy of either set: a subscriber that leaves is removed from
    // the set being walked, which a Set allows. Streams catching up take it from `pending`.
    const concerned = row.user_id ? byUser.get(row.user_id) : undefined;
    if (concerned) for (const sub of concerned) if (!sub.pending) apply(sub, row);
    const members = row.workspace_id ? byWorkspace.get(row.workspace_id) : undefined;
    if (members) {
      for (const sub of members) {
        if (!sub.pending && sub.userId !== row.user_id) apply(sub, row);
      }
    }
  }

  async function readLoop() {
    do {
      again = false;
      if (outboxId === undefined || byUser.size === 0) {
        // Nobody listens: only keep up with the head, so that a first subscriber starts from
        // now. Should one subscribe meanwhile, the outbox id stays and the events are read.
        const seen = generation;
        const head = await repo.head();
        if (outboxId === undefined || seen === generation) outboxId = head;
        else again = true;
        continue;
      }
      const rows = await repo.readAfter(outboxId, batchSize);
      for (const row of rows) {
        outboxId = row.id;
        dispatch(row);
      }
      if (rows.length === batchSize) again = true;
    } while (again);
  }

  /** Something committed: read what is new (coalesced: one read in flight at a time). */
  function wake(): Promise<void> {
    if (reading) {
      again = true;
      return reading;
    }
    reading = readLoop()
      .catch((err: unknown) => {
        logger.error({ err }, 'reading the event outbox failed; the next wake-up retries');
      })
      .finally(() => {
        reading = undefined;
      });
    return reading;
  }

  return {
    /** Takes the outbox id to start from; true once subscriptions can be accepted. */
    async start(): Promise<boolean> {
      await wake();
      return outboxId !== undefined;
    },
    get started() {
      return outboxId !== undefined;
    },

    wake,

    /** Registers a stream that is catching up: events read from now on wait in `pending`. */
    subscribe(sub: Subscriber) {
      if (outboxId === undefined) throw new Error('the event bus has not started');
      generation++;
      sub.pending = [];
      catchingUp.add(sub);
      addTo(byUser, sub.userId, sub);
    },

    /**
     * The stream has been sent everything up to `head` (with `workspaces` as they were then):
     * delivers what waited beyond it, then receives events as they are read.
     */
    activate(sub: Subscriber, workspaces: string[], head: string) {
      const waiting = sub.pending ?? [];
      sub.workspaces = new Set(workspaces);
      sub.pending = undefined;
      catchingUp.delete(sub);
      for (const workspaceId of sub.workspaces) addTo(byWorkspace, workspaceId, sub);
      sub.after = Number(head);
      for (const row of waiting) apply(sub, row);
    },

    unsubscribe,

    /** Streams open per user (the per-user cap), and in all. */
    streamsOf: (userId: string) => byUser.get(userId)?.size ?? 0,
    get size() {
      let n = 0;
      for (const set of byUser.values()) n += set.size;
      return n;
    },
    subscribers(): Iterable<Subscriber> {
      return [...byUser.values()].flatMap((set) => [...set]);
    },
  };
}

export type EventBus = ReturnType<typeof createEventBus>;
