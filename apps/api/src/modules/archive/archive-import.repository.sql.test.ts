import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useSqlRecorder } from '../../test/sql-recorder.ts';
import { createArchiveImportRepository } from './archive-import.repository.ts';

/** The SQL of every archive import method, as sent: see __snapshots__/archive-import.repository.sql. */
const sql = useSqlRecorder();

describe('archive import repository SQL', () => {
  it('matches the snapshot', async () => {
    const { userId } = await sql.user();
    const repo = createArchiveImportRepository(sql.db);
    const now = '2026-12-01T10:00:00.000Z';
    const [workspaceId, taskId, sourceId, archiveId] = [1, 2, 3, 4].map(() => randomUUID()) as [
      string,
      string,
      string,
      string,
    ];

    await sql.record('findImport', () => repo.findImport(archiveId));
    await sql.record('findImportOfSource', () => repo.findImportOfSource(sourceId));
    await sql.record('lockSource (in a transaction)', () =>
      sql.db
        .transaction()
        .execute((trx) => createArchiveImportRepository(trx).lockSource(sourceId)),
    );
    await sql.record('usersByEmail', () => repo.usersByEmail(['SQL@example.com']));
    await sql.record('membershipCounts', () => repo.membershipCounts([userId]));
    await sql.record('insertWorkspace', () =>
      repo.insertWorkspace({ id: workspaceId, name: 'Moved', createdBy: userId, createdAt: now }),
    );
    await sql.record('insertMembers', () =>
      repo.insertMembers(workspaceId, [{ userId, role: 'owner' }]),
    );
    await sql.record('recordImport', () =>
      repo.recordImport({ archiveId, sourceWorkspaceId: sourceId, workspaceId, exportedAt: now }),
    );
    await sql.record('insertLabels', () =>
      repo.insertLabels([
        {
          workspace_id: workspaceId,
          name: 'plan',
          colour: 'blue',
          created_at: now,
          updated_at: now,
        },
      ]),
    );
    await sql.record('insertTasks', () =>
      repo.insertTasks([
        {
          ...{ id: taskId, workspace_id: workspaceId, title: 'T', description: '' },
          ...{ status: 'done', priority: 'high', due_date: '2026-12-24', assignee_id: userId },
          ...{ labels: ['plan'], position: 'a0', created_by: userId, created_at: now },
          ...{ updated_at: now, completed_at: now, deleted_at: null },
        },
      ]),
    );
    await sql.record('insertFollowers', () =>
      repo.insertFollowers([{ task_id: taskId, user_id: userId }]),
    );
    await sql.record('insertComments', () =>
      repo.insertComments([
        {
          ...{ id: randomUUID(), workspace_id: workspaceId, task_id: taskId, author_id: null },
          ...{ body: 'Hi', created_at: now, updated_at: now, edited_at: null, deleted_at: null },
        },
      ]),
    );
    await sql.record('insertAttachments', () =>
      repo.insertAttachments([
        {
          ...{ id: randomUUID(), workspace_id: workspaceId, task_id: taskId, uploader_id: userId },
          ...{
            name: 'a.txt',
            content_type: 'text/plain',
            size: 3,
            state: 'ready',
            created_at: now,
          },
          storage_key: `${workspaceId}/${randomUUID()}`,
        },
      ]),
    );
    await sql.record('insertHistory', () =>
      repo.insertHistory([
        {
          ...{ workspace_id: workspaceId, task_id: taskId, actor_id: userId },
          ...{ kind: 'task.created', details: '{}', created_at: now },
        },
      ]),
    );
    await sql.record('findImport, found', () => repo.findImport(archiveId));
    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/archive-import.repository.sql');
  });
});
