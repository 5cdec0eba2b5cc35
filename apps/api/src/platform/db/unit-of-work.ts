import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { transact } from './transact.ts';

/** Makers of repositories: each binds a repository's statements to a connection. */
type Factories = Record<string, (db: Kysely<DB>) => unknown>;

type Bound<F extends Factories> = { [K in keyof F]: ReturnType<F[K]> };

/**
 * A unit of work over some repositories: `run` hands `work` each of them bound to one
 * transaction, which commits when `work` resolves and rolls back when it throws. Services take
 * one of these instead of raw transactions.
 */
export function unitOfWork<F extends Factories>(db: Kysely<DB>, factories: F) {
  const bind = (trx: Kysely<DB>) => {
    const bound: Partial<Bound<F>> = {};
    for (const key of Object.keys(factories) as (keyof F)[]) {
      bound[key] = factories[key]?.(trx) as Bound<F>[typeof key];
    }
    return bound as Bound<F>;
  };
  return {
    run: <T>(work: (tx: Bound<F>) => Promise<T>): Promise<T> =>
      transact(db, (trx) => work(bind(trx))),
  };
}

export type UnitOfWork<F extends Factories> = { run: ReturnType<typeof unitOfWork<F>>['run'] };
