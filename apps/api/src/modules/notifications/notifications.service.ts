import type { NotificationList } from '@taskflow/contract';
import { NotFoundError } from '../../platform/http/errors.ts';
import { decodePosition, pageOf } from '../../platform/http/position-cursor.ts';
import type { Publish } from '../events/events.repository.ts';
import { toNotification } from './notification-json.ts';
import type { NotificationsRepository } from './notifications.repository.ts';

/** A user's notifications, and the tasks they follow. Everything is the caller's own. */
export function createNotificationsService({
  repo,
  publish,
}: {
  repo: NotificationsRepository;
  publish: Publish;
}) {
  async function requireTask(workspaceId: string, taskId: string, userId: string) {
    if (!(await repo.taskVisible(workspaceId, taskId, userId))) throw new NotFoundError('task');
  }

  return {
    async list(
      userId: string,
      query: { unread?: boolean | undefined; cursor?: string | undefined; limit: number },
    ): Promise<NotificationList> {
      const after = query.cursor ? decodePosition(query.cursor) : undefined;
      const [rows, unreadCount] = await Promise.all([
        repo.list({ userId, unread: query.unread, after, limit: query.limit }),
        repo.unreadCount(userId),
      ]);
      const { page, nextCursor } = pageOf(rows, query.limit, (row) => row.created_key);
      return { items: page.map(toNotification), nextCursor, unreadCount };
    },

    /**
     * Marks notifications read (`ids` undefined: all of them); the unread count that remains.
     * The user's other tabs hear of it through their streams.
     */
    async markRead(userId: string, ids: string[] | undefined) {
      const unreadCount = await repo.transaction(async (tx, trx) => {
        await tx.markRead(userId, ids);
        const count = await tx.unreadCount(userId);
        await publish(trx, [
          {
            type: 'notifications.read',
            workspaceId: null,
            userId,
            actorId: userId,
            data: { ids: ids ?? null, unreadCount: count },
          },
        ]);
        return count;
      });
      return { unreadCount };
    },

    async following(workspaceId: string, taskId: string, userId: string) {
      await requireTask(workspaceId, taskId, userId);
      return { following: await repo.isFollowing(taskId, userId) };
    },

    async setFollowing(workspaceId: string, taskId: string, userId: string, following: boolean) {
      await requireTask(workspaceId, taskId, userId);
      if (following) await repo.follow([{ taskId, userId }]);
      else await repo.unfollow(taskId, userId);
      return { following };
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
