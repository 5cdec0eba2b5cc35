import { describe, expect, it } from 'vitest';
import { useMigratedSqlRecorder } from '../../test/sql-recorder-migrated.ts';
import { createAuthRepository } from './auth.repository.ts';
import { createPasskeyRepository } from './passkeys.repository.ts';

/** The SQL of passkeys, as sent: see __snapshots__/passkeys.repository.sql. */
const sql = useMigratedSqlRecorder();

const later = new Date('2099-01-01T00:00:00Z');

describe('passkey repository SQL', () => {
  it('matches the snapshot', async () => {
    const user = await createAuthRepository(sql.db).insertUser({
      email: 'pk@example.com',
      name: 'Pk',
      passwordHash: 'x',
    });
    const userId = user?.id ?? '';
    const repo = createPasskeyRepository(sql.db);
    const passkey = {
      userId,
      credentialId: 'cred-1',
      publicKey: new Uint8Array([1, 2, 3]),
      counter: 0,
      transports: ['internal'],
      deviceType: 'singleDevice' as const,
      backedUp: false,
      name: 'Laptop',
    };
    let id = '';
    await sql.record('insert', async () => {
      id = (await repo.insert(passkey))?.id ?? '';
    });
    await sql.record('insert, registered already', () => repo.insert(passkey));
    await sql.record('list', () => repo.list(userId));
    await sql.record('credentialsOf', () => repo.credentialsOf(userId));
    await sql.record('hasAny', () => repo.hasAny(userId));
    await sql.record('count', () => repo.count(userId));
    await sql.record('findByCredentialId', () => repo.findByCredentialId('cred-1'));
    await sql.record('rename', () => repo.rename(userId, id, 'Work laptop'));
    await sql.record('recordUse', () => repo.recordUse(id, 0, 7, true));
    await sql.record('recordUse, counter moved meanwhile', () => repo.recordUse(id, 0, 8, true));
    const challenge = { challengeHash: 'h1', purpose: 'sign_in' as const, userId: null };
    let challengeId = '';
    await sql.record('insertChallenge', async () => {
      challengeId = await repo.insertChallenge({ ...challenge, expiresAt: later });
    });
    await sql.record('useChallenge', () => repo.useChallenge(challengeId, 'sign_in'));
    await sql.record('useChallenge, used', () => repo.useChallenge(challengeId, 'sign_in'));
    await sql.record('deleteExpiredChallenges', () => repo.deleteExpiredChallenges(later));
    await sql.record('remove', () => repo.remove(userId, id));
    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/passkeys.repository.sql');
  });
});
