import { describe, expect, it } from 'vitest';
import { useSqlRecorder } from '../../test/sql-recorder.ts';
import { createTaskBulkRepository } from './task-bulk.repository.ts';
import { createTasksRepository } from './tasks.repository.ts';

/** The SQL of the bulk repository's methods: see __snapshots__/task-bulk.repository.sql. */
const sql = useSqlRecorder();

describe('task bulk repository SQL', () => {
  it('matches the snapshot', async () => {
    const { userId, workspaceId } = await sql.user();
    const scope = { workspaceId, userId };
    const row = await createTasksRepository(sql.db).insert(scope, {
      title: 'T',
      description: '',
      status: 'todo',
      priority: 'high',
      dueDate: null,
      assigneeId: userId,
      labels: ['x'],
      position: 'a0',
    });
    const repo = createTaskBulkRepository(sql.db);
    const ids = [row.id];

    await sql.record('update', () => repo.update(scope, ids, { priority: 'low' }));
    await sql.record('setLabels', () => repo.setLabels(scope, [{ id: row.id, labels: ['y'] }]));
    await sql.record('renameLabel', () => repo.renameLabel(workspaceId, 'Y', 'z'));
    await sql.record('softDelete', () => repo.softDelete(scope, ids));
    await sql.record('moveTasks', () =>
      repo.moveTasks(scope, workspaceId, [{ id: row.id, position: 'a1' }]),
    );
    await sql.record('moveBelongings', () => repo.moveBelongings(ids, workspaceId));
    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/task-bulk.repository.sql');
  });
});
