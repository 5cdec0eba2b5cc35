import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { afterCommit } from '../../platform/db/transact.ts';
import { insertIntoOutbox, type NewEvent, stampOutbox } from './events.repository.ts';

/** Rows one stamping transaction moves; a stamp runs until the outbox is empty. */
const STAMP_BATCH = 5_000;

/** A process's stamps on one database: the one running, and the one that will run after it. */
type Stamping = { running?: Promise<void>; queued?: Promise<void> };
const stampings = new WeakMap<Kysely<DB>, Stamping>();

async function stampUntilEmpty(db: Kysely<DB>): Promise<void> {
  while ((await stampOutbox(db, STAMP_BATCH)) === STAMP_BATCH) {
    // a full batch: more may wait
  }
}

/**
 * Numbers every event committed to the outbox of `db` before this call (decision 0036): resolves
 * once a stamp that began after the call has ended. A process runs one stamp at a time; the calls
 * made while one runs share the next, whatever their number, so under a steady stream of writes
 * each waits for at most the stamp in progress and its own. Rejects if the database failed it;
 * the events wait in the outbox for the next stamp.
 */
export function stampCommitted(db: Kysely<DB>): Promise<void> {
  let state = stampings.get(db);
  if (!state) {
    state = {};
    stampings.set(db, state);
  }
  const current = state;
  if (current.queued) return current.queued;
  const previous = current.running ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => stampUntilEmpty(db));
  current.queued = next;
  // Once the previous stamp has ended, `next` is the running one: later calls queue after it.
  void previous
    .catch(() => undefined)
    .finally(() => {
      if (current.queued === next) current.queued = undefined;
      current.running = next;
    });
  void next
    .catch(() => undefined)
    .finally(() => {
      if (current.running === next) current.running = undefined;
    });
  return next;
}

/**
 * Appends events in the caller's transaction, to be numbered once it has committed. The stamp
 * runs after the commit of a `transact` transaction and before it resolves, so a request's
 * events are in the stream when it answers; a stamp that fails leaves them to the events
 * module's next poll (it never fails the write, which has committed).
 */
export async function appendEvents(db: Kysely<DB>, events: NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  await insertIntoOutbox(db, events);
  await afterCommit(db, (root) => stampCommitted(root).catch(() => undefined));
}

/** The outbox as a unit of work's repository: events written with the change they describe. */
export const createOutbox = (db: Kysely<DB>) => ({
  append: (events: NewEvent[]) => appendEvents(db, events),
});
