import { describe, expect, it } from 'vitest';
import { insertUser } from '../../test/sql-data.ts';
import { useMigratedSqlRecorder } from '../../test/sql-recorder-migrated.ts';
import { createDemoRepository } from './demo.repository.ts';

/** The SQL of the demo's data, as sent: see __snapshots__/demo.repository.sql. */
const sql = useMigratedSqlRecorder();

describe('demo repository SQL', () => {
  it('matches the snapshot', async () => {
    await insertUser(sql.db, 'taken@example.com');
    const repo = createDemoRepository(sql.db);
    await sql.record('countUsers', () => repo.countUsers());
    await sql.record('takenEmails', () =>
      repo.takenEmails(['taken@example.com', 'free@example.com']),
    );
    await sql.record('insertTeam', () =>
      repo.insertTeam({
        users: [
          { email: 'ada@example.com', name: 'Ada', passwordHash: 'x' },
          { email: 'bob@example.com', name: 'Bob', passwordHash: 'x' },
        ],
        workspaceName: 'Demo',
        tasksOf: ([ada, bob]) => [
          { title: 'One', position: 'a0', assignee_id: ada ?? null },
          { title: 'Two', position: 'a1', assignee_id: bob ?? null },
        ],
      }),
    );
    await sql.record('refreshStatistics', () => repo.refreshStatistics());
    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/demo.repository.sql');
  });
});
