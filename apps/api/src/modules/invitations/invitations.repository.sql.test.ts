import { describe, expect, it } from 'vitest';
import { useSqlRecorder } from '../../test/sql-recorder.ts';
import { createInvitationsRepository } from './invitations.repository.ts';

/** The SQL of every invitations repository method, as sent: see __snapshots__/invitations.repository.sql. */
const sql = useSqlRecorder();

describe('invitations repository SQL', () => {
  it('matches the snapshot', async () => {
    const [owner, other] = await sql.db
      .insertInto('users')
      .values([
        { email: 'owner@example.com', name: 'Owner', password_hash: 'x' },
        { email: 'other@example.com', name: 'Other', password_hash: 'x' },
      ])
      .returning('id')
      .execute();
    if (!owner || !other) throw new Error('no users');
    const workspace = await sql.db
      .insertInto('workspaces')
      .values({ name: 'Team', created_by: owner.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql.db
      .insertInto('workspace_members')
      .values({ workspace_id: workspace.id, user_id: owner.id, role: 'owner' })
      .execute();
    const ws = workspace.id;
    const repo = createInvitationsRepository(sql.db);
    const expiresAt = new Date(Date.now() + 86_400_000);
    let id = '';
    await sql.record('roleOf', () => repo.roleOf(ws, owner.id));
    await sql.record('isMemberByEmail', () => repo.isMemberByEmail(ws, 'Other@example.com'));
    await sql.record('countPending', () => repo.countPending(ws));
    await sql.record('insert', async () => {
      id = await repo.insert({
        workspaceId: ws,
        kind: 'email',
        email: 'other@example.com',
        role: 'member',
        secretHash: 'h',
        invitedBy: owner.id,
        expiresAt,
        maxUses: 1,
      });
    });
    await sql.record('findOpenEmail', () => repo.findOpenEmail(ws, 'other@example.com'));
    await sql.record('refresh', () =>
      repo.refresh(id, { role: 'owner', secretHash: 'h2', invitedBy: owner.id, expiresAt }),
    );
    await sql.record('find', () => repo.find(id));
    await sql.record('listPending', () => repo.listPending(ws));
    await sql.record('preview', () => repo.preview(id));
    await sql.record('lockWorkspace (in a transaction)', () =>
      sql.db
        .transaction()
        .execute((trx) => createInvitationsRepository(trx).lockWorkspace(ws, other.id)),
    );
    await sql.record('lock (in a transaction)', () =>
      sql.db.transaction().execute((trx) => createInvitationsRepository(trx).lock(id)),
    );
    await sql.record('account', () => repo.account(other.id));
    await sql.record('countMembers', () => repo.countMembers(ws));
    await sql.record('addMember', () => repo.addMember(ws, other.id, 'member'));
    await sql.record('markUsed', () => repo.markUsed(id));
    await sql.record('revoke', () => repo.revoke(ws, id));
    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/invitations.repository.sql');
  });
});
