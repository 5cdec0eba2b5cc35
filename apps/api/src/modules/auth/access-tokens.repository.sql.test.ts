import { describe, expect, it } from 'vitest';
import { useMigratedSqlRecorder } from '../../test/sql-recorder-migrated.ts';
import { createAccessTokenRepository } from './access-tokens.repository.ts';
import { createAuthRepository } from './auth.repository.ts';

/** The SQL of personal access tokens, as sent: see __snapshots__/access-tokens.repository.sql. */
const sql = useMigratedSqlRecorder();

describe('access token repository SQL', () => {
  it('matches the snapshot', async () => {
    const account = { email: 'pat@example.com', name: 'Pat', passwordHash: 'x' };
    const userId = (await createAuthRepository(sql.db).insertUser(account))?.id ?? '';
    const repo = createAccessTokenRepository(sql.db);
    let id = '';
    await sql.record('insert', async () => {
      const row = await repo.insert({
        userId,
        name: 'Script',
        scope: 'read',
        tokenHash: 'h1',
        lastFour: 'abcd',
        expiresAt: new Date('2099-01-01T00:00:00Z'),
      });
      id = row.id;
    });
    await sql.record('listLive', () => repo.listLive(userId, 50));
    await sql.record('countLive', () => repo.countLive(userId));
    await sql.record('findByHash', () => repo.findByHash('h1'));
    await sql.record('isLive', () => repo.isLive(id));
    await sql.record('touch', () => repo.touch(id, '203.0.113.7'));
    await sql.record('revoke', () => repo.revoke(userId, id, 'revoked_by_user'));
    await sql.record('revokeUserTokens', () => repo.revokeUserTokens(userId, 'password_changed'));
    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/access-tokens.repository.sql');
  });
});
