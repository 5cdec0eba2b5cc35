import { type Kysely, sql } from 'kysely';
import type { MigrationPhase } from './index.ts';

export const phase: MigrationPhase = 'expand';

/**
 * Writes no longer wait for each other at the outbox (decision 0036). A writing transaction
 * inserts its events into `event_outbox`, numbered by an identity column that takes no lock; once
 * it has committed, a stamping transaction (one at a time in the cluster) moves the committed rows
 * into `events` with the next ids of `event_sequence`. `events` keeps its shape and its ids, so
 * stream positions given out before stay valid; a previous release still writing `events` directly
 * takes the same row lock as the stamper, so both orders agree during a rolling upgrade.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event_outbox')
    .addColumn('seq', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'uuid')
    .addColumn('user_id', 'uuid')
    .addColumn('actor_id', 'uuid')
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'event_outbox_has_audience',
      sql`workspace_id is not null or user_id is not null`,
    )
    .execute();
}

/** Stamps what is still waiting (the previous release reads `events` only), then drops the table. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`lock table event_outbox in exclusive mode`.execute(db);
  await sql`
    with moved as (delete from event_outbox returning *),
    n as (select count(*) as n from moved),
    seq as (
      update event_sequence set last_id = last_id + (select n from n)
      where (select n from n) > 0
      returning last_id
    )
    insert into events (id, type, workspace_id, user_id, actor_id, payload, created_at)
    select seq.last_id - (select n from n) + row_number() over (order by moved.seq),
      moved.type, moved.workspace_id, moved.user_id, moved.actor_id, moved.payload,
      moved.created_at
    from moved, seq`.execute(db);
  await db.schema.dropTable('event_outbox').execute();
}
