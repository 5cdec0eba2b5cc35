import { describe, expect, it } from 'vitest';
import { useSqlRecorder } from '../../test/sql-recorder.ts';
import { createTrashRepository } from './task-trash.repository.ts';

/** The SQL of every trash method, as sent: see __snapshots__/task-trash.repository.sql. */
const sql = useSqlRecorder();

describe('trash repository SQL', () => {
  it('matches the snapshot', async () => {
    const { userId, workspaceId } = await sql.user();
    const repo = createTrashRepository(sql.db);

    await sql.record('page', () => repo.page({ workspaceId, userId, limit: 50 }));
    await sql.record('page, after a cursor', () =>
      repo.page({
        workspaceId,
        userId,
        after: { deletedAt: '2026-03-10 12:00:00+00', id: workspaceId },
        limit: 50,
      }),
    );

    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/task-trash.repository.sql');
  });
});
