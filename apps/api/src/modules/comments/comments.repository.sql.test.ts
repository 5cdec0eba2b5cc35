import { describe, expect, it } from 'vitest';
import { useSqlRecorder } from '../../test/sql-recorder.ts';
import { createCommentsRepository } from './comments.repository.ts';

/** The SQL of every comments repository method, as sent: see __snapshots__/comments.repository.sql. */
const sql = useSqlRecorder();

describe('comments repository SQL', () => {
  it('matches the snapshot', async () => {
    const { userId, workspaceId } = await sql.user();
    const task = await sql.db
      .insertInto('tasks')
      .values({ workspace_id: workspaceId, title: 'T', position: 'a0', created_by: userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    const scope = { workspaceId, taskId: task.id, userId };
    const repo = createCommentsRepository(sql.db);

    await sql.record('access', () => repo.access(scope));
    const comment = await repo.insert(scope, 'Hello');
    await sql.record('insert', () => repo.insert(scope, 'Again'));
    await sql.record('page', () => repo.page(scope, undefined, 50));
    await sql.record('page, after a cursor', () =>
      repo.page(scope, { createdAt: comment.created_at, id: comment.id }, 50),
    );
    await sql.record('lock (in a transaction)', () =>
      sql.db.transaction().execute((trx) => createCommentsRepository(trx).lock(scope, comment.id)),
    );
    await sql.record('edit', () => repo.edit(comment.id, 'Edited'));
    await sql.record('members', () => repo.members(workspaceId));
    await sql.record('remove', () => repo.remove(comment.id));

    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/comments.repository.sql');
  });
});
