import { describe, expect, it } from 'vitest';
import { useSqlRecorder } from '../../test/sql-recorder.ts';
import { insertPersonalWorkspace } from '../auth/index.ts';
import { createWorkspacesRepository } from './workspaces.repository.ts';

/** The SQL of every workspaces repository method, as sent: see __snapshots__/workspaces.repository.sql. */
const sql = useSqlRecorder();

describe('workspaces repository SQL', () => {
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
    const repo = createWorkspacesRepository(sql.db);
    await sql.record('insertPersonalWorkspace', () => insertPersonalWorkspace(sql.db, owner.id));
    let id = '';
    await sql.record('insert', async () => {
      id = (await repo.insert('Team', owner.id)).id;
    });
    await sql.record('listForUser', () => repo.listForUser(owner.id));
    await sql.record('findForUser', () => repo.findForUser(id, owner.id));
    await sql.record('roleOf', () => repo.roleOf(id, owner.id));
    await sql.record('countMemberships', () => repo.countMemberships(owner.id));
    await sql.record('rename', () => repo.rename(id, 'Renamed'));
    await sql.record('findUserByEmail', () => repo.findUserByEmail('other@example.com'));
    await sql.record('addMember', () => repo.addMember(id, other.id, 'member'));
    await sql.record('addedNotice', () => repo.addedNotice(id, owner.id));
    await sql.record('listMembers', () => repo.listMembers(id));
    await sql.record('findMember', () => repo.findMember(id, other.id));
    await sql.record('countMembers', () => repo.countMembers(id));
    await sql.record('countMembers, owners', () => repo.countMembers(id, 'owner'));
    await sql.record('setRole', () => repo.setRole(id, other.id, 'owner'));
    await sql.record('lockForMember (in a transaction)', () =>
      sql.db
        .transaction()
        .execute((trx) => createWorkspacesRepository(trx).lockForMember(id, owner.id)),
    );
    await sql.record('removeMember', () => repo.removeMember(id, other.id));
    await sql.record('delete', () => repo.delete(id));
    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/workspaces.repository.sql');
  });
});
