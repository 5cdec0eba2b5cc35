import { describe, expect, it } from 'vitest';
import { useMigratedSqlRecorder } from '../../test/sql-recorder-migrated.ts';
import { createSsoRepository } from './sso.repository.ts';

/** The SQL of single sign-on, as sent: see __snapshots__/sso.repository.sql. */
const sql = useMigratedSqlRecorder();

const later = new Date('2099-01-01T00:00:00Z');

describe('sso repository SQL', () => {
  it('matches the snapshot', async () => {
    const repo = createSsoRepository(sql.db);
    const attempt = {
      tokenHash: 'state',
      kind: 'sign_in' as const,
      provider: 'acme',
      detail: { nonce: 'n' },
      expiresAt: later,
    };
    await sql.record('insertAttempt', () => repo.insertAttempt(attempt));
    await sql.record('findAttempt', () => repo.findAttempt('state', 'sign_in'));
    await sql.record('takeAttempt', () => repo.takeAttempt('state', 'sign_in'));
    await sql.record('deleteExpiredAttempts', () => repo.deleteExpiredAttempts());
    const user = { email: 'sso@example.com', name: 'Sso', provider: 'acme', subject: 's1' };
    let userId = '';
    await sql.record('insertSsoUser', async () => {
      userId = (await repo.insertSsoUser(user))?.id ?? '';
    });
    await sql.record('findLinkedUser', () => repo.findLinkedUser('acme', 's1'));
    await sql.record('linkIdentity', () =>
      repo.linkIdentity({ userId, provider: 'corp', subject: 's2', email: user.email }),
    );
    const [identity] = await repo.listIdentities(userId);
    await sql.record('touchIdentity', () => repo.touchIdentity(identity?.id ?? ''));
    await sql.record('listIdentities', () => repo.listIdentities(userId));
    await sql.record('signInMethods', () => repo.signInMethods(userId));
    await sql.record('unlinkIdentity', () => repo.unlinkIdentity(userId, identity?.id ?? ''));
    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/sso.repository.sql');
  });
});
