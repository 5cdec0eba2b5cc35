import { describe, expect, it } from 'vitest';
import { insertTask, insertUser, someDay, someDays } from '../../test/sql-data.ts';
import { useMigratedSqlRecorder } from '../../test/sql-recorder-migrated.ts';
import { createAdminRepository } from './admin.repository.ts';

/** The SQL of the operator's views, as sent: see __snapshots__/admin.repository.sql. */
const sql = useMigratedSqlRecorder();

describe('admin repository SQL', () => {
  it('matches the snapshot', async () => {
    const admin = await insertUser(sql.db, 'admin@example.com', 'admin');
    const user = await insertUser(sql.db, 'user@example.com');
    await insertTask(sql.db, user, { status: 'done', completed_at: someDay });
    const repo = createAdminRepository(sql.db);

    await sql.record('figures', () => repo.figures(someDay));
    await sql.record('taskSeries', () => repo.taskSeries(someDays));
    await sql.record('listUsers', () => repo.listUsers({ limit: 20 }));
    await sql.record('listUsers, matching, after a position', () =>
      repo.listUsers({
        q: 'user_%',
        before: { createdAt: '2099-01-01 00:00:00+00', id: admin.userId },
        limit: 20,
      }),
    );
    await sql.record('findUser', () => repo.findUser(user.userId));
    await sql.record('findUserIdByEmail', () => repo.findUserIdByEmail('User@Example.com'));
    await sql.record('lockAdmins (in a transaction)', () =>
      sql.db.transaction().execute((trx) => createAdminRepository(trx).lockAdmins()),
    );
    await sql.record('setRole', () => repo.setRole(user.userId, 'admin'));
    await sql.record('disableUser', () => repo.disableUser(user.userId));
    await sql.record('enableUser', () => repo.enableUser(user.userId));
    await sql.record('listOutbox', () => repo.listOutbox(50));
    await sql.record('findWorkspace', () => repo.findWorkspace(user.workspaceId));
    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/admin.repository.sql');
  });
});
