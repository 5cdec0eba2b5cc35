import { describe, expect, it } from 'vitest';
import { useSqlRecorder } from '../../test/sql-recorder.ts';
import { createTaskHistoryRepository } from './task-history.repository.ts';
import { createTasksRepository } from './tasks.repository.ts';

/** The SQL of every task history method, as sent: see __snapshots__/task-history.repository.sql. */
const sql = useSqlRecorder();

describe('task history repository SQL', () => {
  it('matches the snapshot', async () => {
    const { userId, workspaceId } = await sql.user();
    const task = await createTasksRepository(sql.db).insert(
      { workspaceId, userId },
      {
        title: 'T',
        description: '',
        status: 'todo',
        priority: 'medium',
        dueDate: null,
        assigneeId: null,
        labels: [],
        position: 'a0',
      },
    );
    const repo = createTaskHistoryRepository(sql.db);
    const entry = { workspaceId, taskId: task.id, actorId: userId };

    await sql.record('insert', () =>
      repo.insert([
        { ...entry, kind: 'task.updated', changes: [{ field: 'title', from: 'A', to: 'T' }] },
        { ...entry, kind: 'comment.created', commentId: task.id },
      ]),
    );
    const [newest] = await repo.page({ workspaceId, userId, taskId: task.id, limit: 1 });
    await sql.record('page', () => repo.page({ workspaceId, userId, taskId: task.id, limit: 50 }));
    await sql.record('page, after a cursor', () =>
      repo.page({
        workspaceId,
        userId,
        taskId: task.id,
        before: { createdAt: newest?.created_key ?? '', id: newest?.id ?? '' },
        limit: 50,
      }),
    );

    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/task-history.repository.sql');
  });
});
