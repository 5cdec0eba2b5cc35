import { describe, expect, it } from 'vitest';
import { useSqlRecorder } from '../../test/sql-recorder.ts';
import { createArchiveExportRepository } from './archive-export.repository.ts';

/** The SQL of every archive export method, as sent: see __snapshots__/archive-export.repository.sql. */
const sql = useSqlRecorder();

describe('archive export repository SQL', () => {
  it('matches the snapshot', async () => {
    const { userId, workspaceId } = await sql.user();
    const repo = createArchiveExportRepository(sql.db);

    await sql.record('snapshot (its reads in one transaction)', () =>
      repo.snapshot((trx) => createArchiveExportRepository(trx).workspace(workspaceId)),
    );
    await sql.record('workspace', () => repo.workspace(workspaceId));
    await sql.record('members', () => repo.members(workspaceId));
    await sql.record('users', () => repo.users([userId]));
    await sql.record('labels', () => repo.labels(workspaceId));
    await sql.record('tasks', () => repo.tasks(workspaceId));
    await sql.record('followers', () => repo.followers(workspaceId));
    await sql.record('comments', () => repo.comments(workspaceId));
    await sql.record('attachments', () => repo.attachments(workspaceId));
    await sql.record('history', () => repo.history(workspaceId));
    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/archive-export.repository.sql');
  });
});
