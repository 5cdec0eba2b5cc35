import { MAX_REPLAY } from '@taskflow/contract';
import { DomainError } from '../../platform/errors.ts';
import { type EventBus, frameOf, joinedBy, leftBy, type Subscriber } from './event-bus.ts';
import type { EventRow, EventsRepository, StartPoint } from './events.repository.ts';
import { readyFrame, resetFrame } from './sse.ts';

/** Where a stream's frames go. */
export type StreamOutput = {
  /** False once the stream is closed or hopelessly behind: stop writing. */
  write(frame: string): boolean;
  /** Resolves when the client has taken what was written; false if the stream closed. */
  drained(): Promise<boolean>;
  /** Whether enough is waiting to be sent that the writer should wait for `drained`. */
  backlogged(): boolean;
};

type Deps = {
  repo: Pick<EventsRepository, 'startPoint' | 'replay'>;
  bus: EventBus;
  maxStreamsPerUser: number;
  /** Numbers the events committed so far (the outbox's stamper). */
  stamp: () => Promise<void>;
};

/**
 * What of a replay's `rows` (in id order) `userId` receives, given their memberships at the
 * last row: their memberships at the first are those undone by their own joins and departures
 * in between, walked backwards; then each workspace's events count while they are a member, as
 * the bus counts them live.
 */
function replayable(userId: string, membersAtEnd: string[], rows: EventRow[]): EventRow[] {
  const members = new Set(membersAtEnd);
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i] as EventRow;
    const joined = joinedBy(row, userId);
    if (joined) members.delete(joined);
    else if (row.type === 'member.removed' && row.user_id === userId && row.workspace_id) {
      members.add(row.workspace_id);
    }
  }
  return rows.filter((row) => {
    const joined = joinedBy(row, userId);
    if (joined) members.add(joined);
    const ws = row.workspace_id;
    const received = (ws !== null && members.has(ws)) || row.user_id === userId;
    const left = leftBy(row, userId);
    if (left) members.delete(left);
    return received;
  });
}

/** Start points read before giving up on memberships that keep changing (503, retried). */
const START_ATTEMPTS = 5;

/**
 * Opening a stream: replay what the client missed (or tell it to refetch), then hand it to the
 * bus for live events. The subscription is made before the start point is read, so the events
 * committed meanwhile wait for it: none is lost between the replay and the live stream.
 */
export function createEventStreams({ repo, bus, maxStreamsPerUser, stamp }: Deps) {
  /**
   * The head and the memberships at it. A membership change committed but not yet numbered
   * would put the memberships ahead of the head (replaying a workspace from before the user
   * joined it, or leaving out one they were removed from later): stamp it, then read again.
   */
  async function startPoint(userId: string): Promise<StartPoint> {
    for (let attempt = 1; ; attempt++) {
      const start = await repo.startPoint(userId);
      if (!start.unsettled) return start;
      if (attempt === START_ATTEMPTS) throw new DomainError('SERVICE_UNAVAILABLE');
      await stamp();
    }
  }

  /** Sends the events after `lastEventId` up to the start point; false if the stream closed. */
  async function catchUp(
    sub: Subscriber,
    start: StartPoint,
    lastEventId: string | undefined,
    out: StreamOutput,
  ): Promise<boolean> {
    const { head } = start;
    if (lastEventId === undefined) return out.write(readyFrame(head));
    const last = BigInt(lastEventId);
    if (last > BigInt(head)) return out.write(resetFrame(head, 'unknown_id'));
    if (last < BigInt(start.prunedThrough)) return out.write(resetFrame(head, 'too_old'));
    const rows = await repo.replay({
      userId: sub.userId,
      workspaces: start.workspaces,
      afterId: lastEventId,
      upTo: head,
      limit: MAX_REPLAY + 1,
    });
    if (rows.length > MAX_REPLAY) return out.write(resetFrame(head, 'too_many'));
    for (const row of replayable(sub.userId, start.workspaces, rows)) {
      if (!out.write(frameOf(row))) return false;
      if (out.backlogged() && !(await out.drained())) return false;
    }
    return out.write(readyFrame(head));
  }

  return {
    /** Refuses a stream beyond the per-user cap (before any byte of it is sent). */
    admit(userId: string) {
      if (bus.streamsOf(userId) >= maxStreamsPerUser) {
        throw new DomainError('RATE_LIMITED', {
          detail: `At most ${maxStreamsPerUser} live streams per user; close another tab first`,
        });
      }
      if (!bus.started) throw new DomainError('SERVICE_UNAVAILABLE');
    },

    /** A live stream for `userId`, resuming after `lastEventId`; undefined if it closed early. */
    async open(
      userId: string,
      lastEventId: string | undefined,
      out: StreamOutput,
    ): Promise<Subscriber | undefined> {
      const sub: Subscriber = { userId, workspaces: new Set(), write: out.write };
      bus.subscribe(sub);
      try {
        const start = await startPoint(userId);
        if (!(await catchUp(sub, start, lastEventId, out))) {
          bus.unsubscribe(sub);
          return undefined;
        }
        bus.activate(sub, start.workspaces, start.head);
        return sub;
      } catch (error) {
        bus.unsubscribe(sub);
        throw error;
      }
    },

    close: (sub: Subscriber) => bus.unsubscribe(sub),
  };
}

export type EventStreams = ReturnType<typeof createEventStreams>;
