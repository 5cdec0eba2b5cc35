import { describe, expect, it } from 'vitest';
import { insertTask, insertUser } from '../../test/sql-data.ts';
import { useMigratedSqlRecorder } from '../../test/sql-recorder-migrated.ts';
import { createExportsRepository } from './exports.repository.ts';

/** The SQL of task exports, as sent: see __snapshots__/exports.repository.sql. */
const sql = useMigratedSqlRecorder();

describe('exports repository SQL', () => {
  it('matches the snapshot', async () => {
    const user = await insertUser(sql.db, 'sql@example.com');
    await insertTask(sql.db, user);
    const repo = createExportsRepository(sql.db);
    const { workspaceId, userId } = user;

    let exportId = '';
    await sql.record('insert', async () => {
      exportId = (await repo.insert(workspaceId, userId))?.id ?? '';
    });
    await sql.record('recentCount', () => repo.recentCount(userId));
    await sql.record('lockPending (in a transaction)', () =>
      sql.db.transaction().execute((trx) => createExportsRepository(trx).lockPending(exportId)),
    );
    await sql.record('rows', () => repo.rows(workspaceId, {}));
    await sql.record('rows, every filter', () =>
      repo.rows(workspaceId, {
        status: ['todo', 'done'],
        priority: ['high'],
        assignee: userId,
        label: 'ops',
        dueBefore: '2026-02-01',
        dueAfter: '2026-01-01',
        search: "'deploy':*",
      }),
    );
    await sql.record('complete', () => repo.complete(exportId, 'id,title\n', 1));
    await sql.record('find', () => repo.find(workspaceId, exportId, userId));
    await sql.record('content', () => repo.content(workspaceId, exportId, userId));
    await sql.record('fail', () => repo.fail(exportId));
    await sql.record('purge', () => repo.purge());
    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/exports.repository.sql');
  });
});
