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

/** Appends events to the outbox, as the last statement of the transaction `trx`. */
type Publish = (trx: Kysely<DB>, events: NewEvent[]) => Promise<void>;

/**
 * Appends events in the caller's transaction; must be its last statement. The ids come from the
 * single `event_sequence` row, whose lock is held until the transaction ends: ids are gapless
 * and commit in order, so a reader never sees id N before every id below it (decision 0006).
 */
export const appendEvents: Publish = async (db, events) => {
  if (events.length === 0) return;
  const n = events.length;
  await sql`
    with seq as (
      update event_sequence set last_id = last_id + ${n} returning last_id
    )
    insert into events (id, type, workspace_id, user_id, actor_id, payload)
    select seq.last_id - ${n} + e.ord, e.type, e.workspace_id, e.user_id, e.actor_id, e.payload
    from seq, unnest(
      ${events.map((e) => e.type)}::text[],
      ${events.map((e) => e.workspaceId)}::uuid[],
      ${events.map((e) => e.userId ?? null)}::uuid[],
      ${events.map((e) => e.actorId)}::uuid[],
      ${events.map((e) => JSON.stringify(e.data))}::jsonb[]
    ) with ordinality as e(type, workspace_id, user_id, actor_id, payload, ord)`.execute(db);
};

/** Where a subscriber starts: the newest id, the oldest replayable one, and its workspaces. */
/** The outbox as a unit of work's repository: events written with the change they describe. */
export const createOutbox = (db: Kysely<DB>) => ({
  append: (events: NewEvent[]) => appendEvents(db, events),
});

export type StartPoint = { head: string; prunedThrough: string; workspaces: string[] };

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
     * membership change writes an event, so those at or below `head` are the ones seen here).
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
        .executeTakeFirstOrThrow();
      return { head: row.last_id, prunedThrough: row.pruned_through, workspaces: row.workspaces };
    },

    /** The events of (`afterId`, `upTo`] a user receives with these memberships, in id order. */
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
            ...(input.workspaces.length > 0
              ? [eb('workspace_id', '=', sql<string>`any(${input.workspaces}::uuid[])`)]
              : []),
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
