import { describe, expect, it } from 'vitest';
import { useMigratedSqlRecorder } from '../../test/sql-recorder-migrated.ts';
import { createSigningKeysRepository } from './signing-keys.repository.ts';

/** The SQL of the signing keys, as sent: see __snapshots__/signing-keys.repository.sql. */
const sql = useMigratedSqlRecorder();

const key = (kid: string) => ({ kid, algorithm: 'ES256', privateJwk: '{}', publicJwk: '{}' });

describe('signing keys repository SQL', () => {
  it('matches the snapshot', async () => {
    const repo = createSigningKeysRepository(sql.db);
    await sql.record('add, only if none (first start)', () =>
      repo.add(key('k1'), { onlyIfNone: true }),
    );
    await sql.record('add, only if none, one in use', () =>
      repo.add(key('k2'), { onlyIfNone: true }),
    );
    await sql.record('add, rotating', () => repo.add(key('k3'), { onlyIfNone: false }));
    await sql.record('list', () => repo.list());
    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/signing-keys.repository.sql');
  });
});
