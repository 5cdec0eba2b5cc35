import { describe, expect, it } from 'vitest';
import { insertUser } from '../../test/sql-data.ts';
import { useMigratedSqlRecorder } from '../../test/sql-recorder-migrated.ts';
import { createSetupRepository } from './setup.repository.ts';

/** The SQL of setup links, as sent: see __snapshots__/setup.repository.sql. */
const sql = useMigratedSqlRecorder();

describe('setup repository SQL', () => {
  it('matches the snapshot', async () => {
    const user = await insertUser(sql.db, 'user@example.com');
    const repo = createSetupRepository(sql.db);
    const hash = 'a'.repeat(64);

    await sql.record('hasAdmin', () => repo.hasAdmin());
    await sql.record('deleteUnusedLinks', () => repo.deleteUnusedLinks());
    await sql.record('insertLink', () =>
      repo.insertLink({ tokenHash: hash, expiresAt: new Date('2099-01-01T00:00:00Z') }),
    );
    await sql.record('findLink', () => repo.findLink(hash));
    await sql.record('useLink', () => repo.useLink(hash, user.userId));
    await sql.record('insertAdmin', () =>
      repo.insertAdmin({ email: 'admin@example.com', name: 'Admin', passwordHash: 'x' }),
    );
    await sql.record('promote', () => repo.promote(user.userId));
    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/setup.repository.sql');
  });
});
