import { describe, expect, it } from 'vitest';
import { insertUser } from '../../test/sql-data.ts';
import { useMigratedSqlRecorder } from '../../test/sql-recorder-migrated.ts';
import { createIdempotencyRepository } from './idempotency.repository.ts';

/** The SQL of idempotency keys, as sent: see __snapshots__/idempotency.repository.sql. */
const sql = useMigratedSqlRecorder();

/** Two requests' owner tokens. */
const [first, second] = [
  '00000000-0000-4000-8000-00000000000a',
  '00000000-0000-4000-8000-00000000000b',
];

describe('idempotency repository SQL', () => {
  it('matches the snapshot', async () => {
    const { userId } = await insertUser(sql.db, 'sql@example.com');
    const repo = createIdempotencyRepository(sql.db);
    const claim = { userId, key: 'k1', owner: first };
    const response = { status: 201, headers: { 'content-type': 'application/json' }, body: '{}' };

    await sql.record('claim', () => repo.claim(claim, 'f1'));
    await sql.record('find', () => repo.find(userId, 'k1'));
    await sql.record('renew', () => repo.renew(claim));
    await sql.record('takeOver', () => repo.takeOver({ ...claim, owner: second }, 0));
    await sql.record('markCommitted (in a transaction)', () =>
      sql.db.transaction().execute((trx) => repo.markCommitted(trx, { ...claim, owner: second })),
    );
    await sql.record('complete', () => repo.complete({ ...claim, owner: second }, response));
    await sql.record('release', () => repo.release(claim));
    await sql.record('purge', () => repo.purge(new Date('2099-01-01T00:00:00Z')));
    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/idempotency.repository.sql');
  });
});
