import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * Records that the effect named `key` happens, in the transaction that makes it. False if it
 * already happened: a job run twice (retried after a crash past its commit) then does nothing.
 */
async function claimEffect(trx: Kysely<DB>, key: string, jobType: string) {
  const rows = await trx
    .insertInto('job_effects')
    .values({ key, job_type: jobType })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .execute();
  return rows.length > 0;
}

/** Job effects as a unit of work's repository. */
export const createEffectsRepository = (trx: Kysely<DB>) => ({
  claim: (key: string, jobType: string) => claimEffect(trx, key, jobType),
});
