import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Work that must commit with a request's writes, or not at all. */
type BeforeCommit = (trx: Transaction<DB>) => Promise<void>;

const scope = new AsyncLocalStorage<BeforeCommit>();

/**
 * Runs `next` (the rest of a request) so that every write transaction it makes through
 * `transact` also runs `beforeCommit` inside it (the idempotency record of the request).
 */
export function duringWrites(beforeCommit: BeforeCommit, next: () => void) {
  scope.run(beforeCommit, next);
}

/** A write transaction: what repositories run their units of work in. */
export function transact<T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>) {
  const beforeCommit = scope.getStore();
  if (!beforeCommit) return db.transaction().execute(work);
  return db.transaction().execute(async (trx) => {
    const result = await work(trx);
    await beforeCommit(trx);
    return result;
  });
}
