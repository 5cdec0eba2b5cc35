import { describe, expect, it } from 'vitest';
import { useMigratedSqlRecorder } from '../../test/sql-recorder-migrated.ts';
import { createAuthRepository } from './auth.repository.ts';

/** The SQL of accounts and sessions, as sent: see __snapshots__/auth.repository.sql. */
const sql = useMigratedSqlRecorder();

const client = { ip: '203.0.113.7', userAgent: 'test' };
const later = new Date('2099-01-01T00:00:00Z');

describe('auth repository SQL', () => {
  it('matches the snapshot', async () => {
    const repo = createAuthRepository(sql.db);
    const account = { email: 'sql@example.com', name: 'Sql', passwordHash: 'x' };
    let userId = '';
    await sql.record('insertUser', async () => {
      userId = (await repo.insertUser(account))?.id ?? '';
    });
    await sql.record('insertUser, email taken', () => repo.insertUser(account));
    await sql.record('insertAdmin', () =>
      repo.insertAdmin({ ...account, email: 'admin@example.com' }),
    );
    await sql.record('findUserByEmail', () => repo.findUserByEmail(account.email));
    await sql.record('findUserById', () => repo.findUserById(userId));
    await sql.record('setPasswordHash', () => repo.setPasswordHash(userId, 'y'));
    await sql.record('updateName', () => repo.updateName(userId, 'Renamed'));
    const token = {
      tokenHash: 'verify',
      userId,
      purpose: 'verify_email' as const,
      expiresAt: later,
    };
    await sql.record('insertOneTimeToken', () => repo.insertOneTimeToken(token));
    await sql.record('consumeOneTimeToken', () =>
      repo.consumeOneTimeToken('verify', 'verify_email'),
    );
    await sql.record('markEmailVerified', () => repo.markEmailVerified(userId));
    await sql.record('tokenOwnerVerified', () => repo.tokenOwnerVerified('verify'));

    const session = { userId, client, idleExpiresAt: later, absoluteExpiresAt: later };
    let sessionId = '';
    await sql.record('insertSession', async () => {
      sessionId = await repo.insertSession({ ...session, tokenHash: 'r1' });
    });
    await sql.record('findRefreshToken', () => repo.findRefreshToken('r1'));
    const retrySince = new Date(Date.now() - 30_000);
    const rotation = { oldHash: 'r1', newHash: 'r2', sessionId, client, idleExpiresAt: later };
    await sql.record('rotateRefreshToken', () =>
      repo.rotateRefreshToken({ ...rotation, retrySince }),
    );
    await sql.record('rotateRefreshToken, rotated within the retry window', () =>
      repo.rotateRefreshToken({ ...rotation, newHash: 'r3', retrySince }),
    );
    await sql.record('rotateRefreshToken, rotated before the retry window', () =>
      repo.rotateRefreshToken({ ...rotation, newHash: 'r4', retrySince: later }),
    );
    await sql.record('isSessionLive', () => repo.isSessionLive(sessionId));
    await sql.record('listLiveSessions', () => repo.listLiveSessions(userId));
    await sql.record('revokeSession', () => repo.revokeSession(sessionId, 'sign_out'));
    await sql.record('revokeUserSessions', () => repo.revokeUserSessions(userId, 'password'));
    await sql.record('revokeUserSessions, only one', () =>
      repo.revokeUserSessions(userId, 'revoked', { only: sessionId }),
    );
    await sql.record('revokeUserSessions, all but one', () =>
      repo.revokeUserSessions(userId, 'others', { except: sessionId }),
    );
    await sql.record('audit', () =>
      repo.audit({ type: 'sign_in', actorId: userId, subjectId: userId, client }),
    );
    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/auth.repository.sql');
  });
});
