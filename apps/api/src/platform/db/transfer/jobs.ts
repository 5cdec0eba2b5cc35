import { sql } from 'kysely';
import { JOBS_SCHEMA } from '../../queue/boss.ts';
import { type Db, type TableSpec, tableId, tablesIn } from './catalog.ts';
import { batchesOf, updateRows } from './copy.ts';

/**
 * What of pg-boss's state moves: jobs waiting, retrying, running (a stopped server's: they are
 * retried once their heartbeat is found missing) or failed, dead letters included (they wait in
 * the `<type>__dead` queues); and the queues, cron schedules and subscriptions. Completed and
 * cancelled jobs (kept a while for the admin view) stay behind, as do pg-boss's own records of
 * itself: its version, migrations (`bam`), warnings, processes (`instance`) and queue statistics.
 */
const MOVED_JOB_STATES = ['created', 'retry', 'active', 'failed'] as const;

const moved = (alias: string) =>
  sql`${sql.id(alias, 'state')}::text in (${sql.join([...MOVED_JOB_STATES])})`;

/** pg-boss's tables that move, in the order they are written, each with the rows that move. */
export async function jobTables(db: Db): Promise<TableSpec[]> {
  const tables = await tablesIn(db, JOBS_SCHEMA);
  const table = (name: string) => {
    const spec = tables.get(name);
    if (!spec) throw new Error(`pg-boss has no table ${JOBS_SCHEMA}.${name}`);
    return spec;
  };
  const job = table('job');
  return [
    table('queue'),
    table('schedule'),
    table('subscription'),
    { ...job, where: moved('t') },
    {
      ...table('job_dependency'),
      where: sql`t.child_id in (select j.id from ${tableId(job)} j where ${moved('j')})`,
    },
  ];
}

/**
 * Makes the source's queues in the target, then gives them the source's settings and figures.
 * Queues are made by pg-boss's `create_queue`, which also makes a queue's own job table when
 * it has one (`partition`); a queue's dead-letter queue must exist before it names it, so the
 * settings (dead letter included) are written once all exist.
 */
export async function copyQueues(
  source: Db,
  target: Db,
  queue: TableSpec,
  copied: (rows: number) => void,
) {
  const batches: string[][] = [];
  for await (const rows of batchesOf(source, queue)) {
    await sql`
      select ${sql.id(JOBS_SCHEMA, 'create_queue')}(
        q.name, jsonb_build_object('policy', q.policy, 'partition', q.partition))
      from unnest(${rows}::${tableId(queue)}[]) q`.execute(target);
    batches.push(rows);
  }
  for (const rows of batches) {
    await updateRows(target, queue, rows);
    copied(rows.length);
  }
}
