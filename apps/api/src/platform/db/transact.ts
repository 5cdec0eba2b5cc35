import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Work that must commit with a request's writes, or not at all. */
type BeforeCommit = (trx: Transaction<DB>) => Promise<void>;

/** Work for once a transaction has committed, given the database it committed on. */
type AfterCommit = (db: Kysely<DB>) => Promise<void>;

const scope = new AsyncLocalStorage<BeforeCommit>();
const committed = new WeakMap<Kysely<DB>, AfterCommit[]>();

/**
 * Runs `next` (the rest of a request) so that every write transaction it makes through
 * `transact` also runs `beforeCommit` inside it (the idempotency record of the request).
 */
export function duringWrites(beforeCommit: BeforeCommit, next: () => void) {
  scope.run(beforeCommit, next);
}

/**
 * Runs `work` once what `db` wrote has committed: after the transaction of `transact` that `db`
 * belongs to, at once when `db` is not a transaction. A transaction begun elsewhere never runs
 * it: callers must not depend on it for correctness (the outbox's stamper also runs on a timer).
 */
export async function afterCommit(db: Kysely<DB>, work: AfterCommit): Promise<void> {
  if (!db.isTransaction) return work(db);
  const pending = committed.get(db);
  if (pending) pending.push(work);
  else committed.set(db, [work]);
}

/**
 * A write transaction: what repositories run their units of work in. What the transaction asked
 * for with `afterCommit` runs after the commit, before this resolves: it never fails a write
 * that committed (it must catch its own errors).
 */
export async function transact<T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>) {
  const beforeCommit = scope.getStore();
  let transaction: Transaction<DB> | undefined;
  const result = await db.transaction().execute(async (trx) => {
    transaction = trx;
    const done = await work(trx);
    if (beforeCommit) await beforeCommit(trx);
    return done;
  });
  const then = transaction ? committed.get(transaction) : undefined;
  if (then) for (const run of then) await run(db);
  return result;
}
