import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** An event to append: who receives it (workspace members, the user concerned) and its data. */
export type NewEvent = {
  type: string;
  workspaceId: string | null;
  userId?: string | null;
  actorId: string | null;
  data: Record<string, unknown>;
};

export type EventRow = {
  id: string;
  type: string;
  workspace_id: string | null;
  user_id: string | null;
  actor_id: string | null;
  payload: Record<string, unknown>;
  created_at: string;
};

/** Ids as text: pg reads bigint as a string, PGlite as a number; text is exact in both. */
const eventColumns = [
  sql<string>`id::text`.as('id'),
  'type',
  'workspace_id',
  'user_id',
  'actor_id',
  'payload',
  'created_at',
] as const;

/**
 * Inserts events into `event_outbox` in the caller's transaction. No lock: the identity column
 * numbers them in no particular commit order; their ids in `events` come from `stampOutbox`
 * once they have committed (decision 0036).
 */
export async function insertIntoOutbox(db: Kysely<DB>, events: NewEvent[]): Promise<void> {
  await sql`
    insert into event_outbox (type, workspace_id, user_id, actor_id, payload)
    select e.type, e.workspace_id, e.user_id, e.actor_id, e.payload
    from unnest(
      ${events.map((e) => e.type)}::text[],
      ${events.map((e) => e.workspaceId)}::uuid[],
      ${events.map((e) => e.userId ?? null)}::uuid[],
      ${events.map((e) => e.actorId)}::uuid[],
      ${events.map((e) => JSON.stringify(e.data))}::jsonb[]
    ) with ordinality as e(type, workspace_id, user_id, actor_id, payload, ord)
    order by e.ord`.execute(db);
}

/** The advisory lock that makes stamping transactions run one at a time in the cluster. */
const STAMP_LOCK = 7_307_001;

/**
 * Moves up to `limit` committed outbox rows into `events`, numbered from `event_sequence` in
 * their outbox order: how many it moved. Stamping transactions run one at a time (the advisory
 * lock, held to their end) and each sees only committed rows, so ids are gapless and commit in
 * id order, as decision 0006 required of the writers themselves. The trigger on `events` wakes
 * every instance's reader at the commit.
 */
export async function stampOutbox(db: Kysely<DB>, limit: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    // Settings first (the subquery runs before the lock is asked for): a stamp waits at most 2 s
    // for another process's (its caller's write has committed; a stamp that gives up leaves the
    // events to the next one), and no JIT: the planner's estimates of the CTEs below (default row
    // counts, a cross join) put this statement above `jit_above_cost`, and compiling it took
    // 100 ms per stamp.
    await sql`
      select pg_advisory_xact_lock(${STAMP_LOCK})
      from (select set_config('lock_timeout', '2s', true), set_config('jit', 'off', true)) as s`.execute(
      trx,
    );
    const result = await sql<{ n: number }>`
      with moved as (
        delete from event_outbox
        where seq = any(array(select seq from event_outbox order by seq limit ${limit}))
        returning *
      ),
      n as (select count(*)::int as n from moved),
      counter as (
        update event_sequence set last_id = last_id + (select n from n)
        where (select n from n) > 0
        returning last_id
      ),
      stamped as (
        insert into events (id, type, workspace_id, user_id, actor_id, payload, created_at)
        select counter.last_id - (select n from n) + row_number() over (order by moved.seq),
          moved.type, moved.workspace_id, moved.user_id, moved.actor_id, moved.payload,
          moved.created_at
        from moved, counter
      )
      select n from n`.execute(trx);
    return result.rows[0]?.n ?? 0;
  });
}

/** Event types that change who receives a workspace's events (see event-bus.ts). */
const MEMBERSHIP_TYPES = ['workspace.created', 'member.added', 'member.removed'];

export type StartPoint = {
  head: string;
  prunedThrough: string;
  workspaces: string[];
  /**
   * Whether a committed change that is not stamped yet may change these memberships: they would
   * then be ahead of `head`. The caller stamps and reads again.
   */
  unsettled: boolean;
};

/** The statements of the outbox. */
export function createEventsRepository(db: Kysely<DB>) {
  return {
    /** The committed events after `afterId`, in id order (the fan-out's one read per wake-up). */
    readAfter: (afterId: string, limit: number) =>
      db
        .selectFrom('events')
        .select(eventColumns)
        .where('id', '>', afterId)
        .orderBy(sql`events.id`)
        .limit(limit)
        .execute() as Promise<EventRow[]>,

    /** Whether the outbox holds committed events that no stamp has numbered yet. */
    unstamped: async () => {
      const { rows } = await sql<{
        waiting: boolean;
      }>`select exists (select 1 from event_outbox) as waiting`.execute(db);
      return rows[0]?.waiting === true;
    },

    /** The newest committed id. */
    head: async () => {
      const row = await db
        .selectFrom('event_sequence')
        .select(sql<string>`last_id::text`.as('last_id'))
        .executeTakeFirstOrThrow();
      return row.last_id;
    },

    /**
     * One statement, so one snapshot: the head and the user's memberships agree (every
     * membership change writes an event, so those at or below `head` are the ones seen here),
     * unless the outbox holds a membership change of theirs, or a workspace's deletion, that is
     * committed and not yet stamped: then `unsettled`.
     */
    startPoint: async (userId: string): Promise<StartPoint> => {
      const row = await db
        .selectFrom('event_sequence')
        .select([
          sql<string>`last_id::text`.as('last_id'),
          sql<string>`pruned_through::text`.as('pruned_through'),
        ])
        .select(
          sql<
            string[]
          >`array(select workspace_id from workspace_members where user_id = ${userId})`.as(
            'workspaces',
          ),
        )
        .select(
          sql<boolean>`exists(
            select 1 from event_outbox
            where (user_id = ${userId} and type = any(${MEMBERSHIP_TYPES}::text[]))
              or type = 'workspace.deleted'
          )`.as('unsettled'),
        )
        .executeTakeFirstOrThrow();
      return {
        head: row.last_id,
        prunedThrough: row.pruned_through,
        workspaces: row.workspaces,
        unsettled: row.unsettled,
      };
    },

    /**
     * The events of (`afterId`, `upTo`] that a user with these memberships at `upTo` may have
     * received, in id order: those addressed to them, and those of their workspaces and of the
     * workspaces they joined or left in the range. The caller keeps those of the workspaces they
     * were a member of at each event's position (see `replayable` in events.service.ts).
     */
    replay: (input: {
      userId: string;
      workspaces: string[];
      afterId: string;
      upTo: string;
      limit: number;
    }) =>
      db
        .selectFrom('events')
        .select(eventColumns)
        .where('id', '>', input.afterId)
        .where('id', '<=', input.upTo)
        .where((eb) =>
          eb.or([
            eb('user_id', '=', input.userId),
            eb('workspace_id', '=', sql<string>`any(${input.workspaces}::uuid[])`),
            eb(
              'workspace_id',
              'in',
              eb
                .selectFrom('events as m')
                .select('m.workspace_id')
                .where('m.id', '>', input.afterId)
                .where('m.id', '<=', input.upTo)
                .where('m.user_id', '=', input.userId)
                .where('m.type', 'in', MEMBERSHIP_TYPES),
            ),
          ]),
        )
        .orderBy(sql`events.id`)
        .limit(input.limit)
        .execute() as Promise<EventRow[]>,

    /** Deletes events older than `before`; later replays from before them answer `reset`. */
    prune: async (before: Date): Promise<number> => {
      const result = await sql<{ n: number }>`
        with gone as (delete from events where created_at < ${before} returning id),
        mark as (
          update event_sequence
          set pruned_through = greatest(pruned_through, (select max(id) from gone))
          where exists (select 1 from gone)
        )
        select count(*)::int as n from gone`.execute(db);
      return result.rows[0]?.n ?? 0;
    },
  };
}

export type EventsRepository = ReturnType<typeof createEventsRepository>;
