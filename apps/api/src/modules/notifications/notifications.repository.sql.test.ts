import { describe, expect, it } from 'vitest';
import { useSqlRecorder } from '../../test/sql-recorder.ts';
import { createNotificationsRepository } from './notifications.repository.ts';

/** The SQL of notifications and followers: see __snapshots__/notifications.repository.sql. */
const sql = useSqlRecorder();

describe('notifications repository SQL', () => {
  it('matches the snapshot', async () => {
    const { userId, workspaceId } = await sql.user();
    const user = { id: userId };
    const task = await sql.db
      .insertInto('tasks')
      .values({ workspace_id: workspaceId, title: 'T', position: 'a0', created_by: user.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const repo = createNotificationsRepository(sql.db);
    const notice = {
      userId: user.id,
      type: 'task.assigned' as const,
      workspaceId,
      taskId: task.id,
      actorId: user.id,
      title: 'T',
    };
    await sql.record('insert', () => repo.insert([notice]));
    await sql.record('list', () => repo.list({ userId: user.id, limit: 20 }));
    await sql.record('list, unread, after a position', () =>
      repo.list({
        userId: user.id,
        unread: true,
        after: { createdAt: '2026-01-01 00:00:00+00', id: task.id },
        limit: 20,
      }),
    );
    await sql.record('unreadCount', () => repo.unreadCount(user.id));
    await sql.record('markRead', () => repo.markRead(user.id, [task.id]));
    await sql.record('markRead, all', () => repo.markRead(user.id));
    await sql.record('taskVisible', () => repo.taskVisible(workspaceId, task.id, user.id));
    await sql.record('follow', () => repo.follow([{ taskId: task.id, userId: user.id }]));
    await sql.record('isFollowing', () => repo.isFollowing(task.id, user.id));
    await sql.record('audience', () => repo.audience([task.id], user.id));
    await sql.record('nameOf', () => repo.nameOf(user.id));
    await sql.record('settings', () => repo.settings(user.id));
    await sql.record('saveSettings', () => repo.saveSettings(user.id, { mailOnMention: false }));
    await sql.record('unfollow', () => repo.unfollow(task.id, user.id));
    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/notifications.repository.sql');
  });
});
