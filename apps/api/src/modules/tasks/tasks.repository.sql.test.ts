import { TASK_SORTS } from '@taskflow/contract';
import { describe, expect, it } from 'vitest';
import { useSqlRecorder } from '../../test/sql-recorder.ts';
import { toPrefixQuery } from './search-query.ts';
import { createTasksRepository } from './tasks.repository.ts';

/** The SQL of every tasks repository method, as sent: see __snapshots__/tasks.repository.sql. */
const sql = useSqlRecorder();

describe('tasks repository SQL', () => {
  it('matches the snapshot', async () => {
    const { userId, workspaceId } = await sql.user();
    const user = { id: userId };
    const scope = { workspaceId, userId: user.id };
    const repo = createTasksRepository(sql.db);
    const task = {
      title: 'T',
      description: '',
      status: 'todo',
      priority: 'high',
      dueDate: '2026-01-02',
      assigneeId: null,
      labels: ['x'],
    } as const;
    const row = await repo.insert(scope, {
      ...task,
      assigneeId: user.id,
      labels: ['x'],
      position: 'a0',
    });

    await sql.record('insert', () =>
      repo.insert(scope, { ...task, labels: ['x'], position: 'Zz' }),
    );
    await sql.record('placementForNew', () => repo.placementForNew(scope));
    await sql.record('find', () => repo.find(scope, row.id));
    for (const sort of TASK_SORTS) {
      const search = sort === 'relevance' ? (toPrefixQuery('t') ?? undefined) : undefined;
      await sql.record(`list, sort ${sort}`, () =>
        repo.list({ ...scope, filters: { search }, sort, limit: 20 }),
      );
    }
    const cursor = { sort: 'due' as const, key: '2026-01-02', id: row.id };
    await sql.record('list, every filter, after a cursor', () =>
      repo.list({
        ...scope,
        filters: {
          status: ['todo'],
          priority: ['high', 'urgent'],
          assignee: null,
          label: 'x',
          dueBefore: '2027-01-01',
          dueAfter: '2025-01-01',
          search: toPrefixQuery('t') ?? undefined,
        },
        sort: 'due',
        cursor,
        limit: 20,
      }),
    );
    await sql.record('statusCounts', () => repo.statusCounts({ ...scope, filters: {} }));
    await sql.record('statusCounts, every filter', () =>
      repo.statusCounts({
        ...scope,
        filters: {
          status: ['todo', 'done'],
          priority: ['high'],
          assignee: user.id,
          label: 'x',
          dueBefore: '2027-01-01',
          dueAfter: '2025-01-01',
          search: toPrefixQuery('t') ?? undefined,
        },
      }),
    );
    await sql.record('update', () => repo.update(scope, row.id, { title: 'U', status: 'done' }));
    await sql.record('lock (in a transaction)', () =>
      sql.db.transaction().execute((trx) => createTasksRepository(trx).lock(scope, [row.id])),
    );
    await sql.record('setStatus', () => repo.setStatus(scope, [row.id], 'in_progress'));
    await sql.record('softDelete', () => repo.softDelete(scope, row.id));
    await sql.record('restore', () => repo.restore(scope, row.id));
    await sql.record('lockWorkspace (in a transaction)', () =>
      sql.db.transaction().execute((trx) => createTasksRepository(trx).lockWorkspace(scope)),
    );
    await sql.record('neighbourPosition, after', () =>
      repo.neighbourPosition(workspaceId, 'a0', 'after', row.id),
    );
    await sql.record('neighbourPosition, before', () =>
      repo.neighbourPosition(workspaceId, 'a0', 'before', row.id),
    );
    await sql.record('labels', () => repo.labels(workspaceId));
    await sql.record('unassign', () => repo.unassign(workspaceId, user.id));
    await sql.record('claimDueReminders', () => repo.claimDueReminders(100));
    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/tasks.repository.sql');
  });
});
