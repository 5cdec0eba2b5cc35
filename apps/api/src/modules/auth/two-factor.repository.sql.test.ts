import { describe, expect, it } from 'vitest';
import { useMigratedSqlRecorder } from '../../test/sql-recorder-migrated.ts';
import { createAuthRepository } from './auth.repository.ts';
import { createTwoFactorRepository } from './two-factor.repository.ts';

/** The SQL of two-factor sign-in, as sent: see __snapshots__/two-factor.repository.sql. */
const sql = useMigratedSqlRecorder();

const later = new Date('2099-01-01T00:00:00Z');

describe('two-factor repository SQL', () => {
  it('matches the snapshot', async () => {
    const user = await createAuthRepository(sql.db).insertUser({
      email: 'tf@example.com',
      name: 'Tf',
      passwordHash: 'x',
    });
    const userId = user?.id ?? '';
    const repo = createTwoFactorRepository(sql.db);
    await sql.record('savePending', () => repo.savePending(userId, 'plain.SECRET'));
    await sql.record('find', () => repo.find(userId));
    await sql.record('confirm', () => repo.confirm(userId, 1000, ['h1', 'h2']));
    await sql.record('confirm, already on', () => repo.confirm(userId, 1000, ['h1', 'h2']));
    await sql.record('savePending, already on', () => repo.savePending(userId, 'plain.OTHER'));
    await sql.record('isEnabled', () => repo.isEnabled(userId));
    await sql.record('useStep', () => repo.useStep(userId, 1001));
    await sql.record('useStep, replayed', () => repo.useStep(userId, 1001));
    await sql.record('unusedRecoveryCodes', () => repo.unusedRecoveryCodes(userId));
    await sql.record('useRecoveryCode', () => repo.useRecoveryCode(userId, 'h1'));
    await sql.record('recoveryCodesLeft', () => repo.recoveryCodesLeft(userId));
    await sql.record('replaceRecoveryCodes', () => repo.replaceRecoveryCodes(userId, ['h3']));
    const challenge = { tokenHash: 'c1', userId, expiresAt: later };
    await sql.record('insertChallenge', () => repo.insertChallenge(challenge));
    await sql.record('findLiveChallenge', () => repo.findLiveChallenge('c1', 5));
    await sql.record('failChallenge', () => repo.failChallenge('c1'));
    await sql.record('useChallenge', () => repo.useChallenge('c1'));
    await sql.record('deleteExpiredChallenges', () => repo.deleteExpiredChallenges(later));
    await sql.record('requiredForAdmins', () => repo.requiredForAdmins());
    await sql.record('setRequiredForAdmins', () => repo.setRequiredForAdmins(true, userId));
    await sql.record('adminLacksTwoFactor', () => repo.adminLacksTwoFactor(userId));
    await sql.record('remove', () => repo.remove(userId));
    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/two-factor.repository.sql');
  });
});
