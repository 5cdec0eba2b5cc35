import type { NotificationList, NotificationSettings } from '@taskflow/contract';
import { creationPage, decodeCreationCursor } from '../../platform/cursor.ts';
import type { UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { createOutbox } from '../events/index.ts';
import { toNotification } from './notification-json.ts';
import type {
  createNotificationsRepository,
  NotificationsRepository,
} from './notifications.repository.ts';

/** A user's notifications, and the tasks they follow. Everything is the caller's own. */
export function createNotificationsService({
  repo,
  uow,
}: {
  /** Reads, outside any transaction. */
  repo: NotificationsRepository;
  uow: UnitOfWork<{
    notifications: typeof createNotificationsRepository;
    outbox: typeof createOutbox;
  }>;
}) {
  async function requireTask(workspaceId: string, taskId: string, userId: string) {
    if (!(await repo.taskVisible(workspaceId, taskId, userId))) throw new NotFoundError('task');
  }

  return {
    async settings(userId: string): Promise<NotificationSettings> {
      const row = await repo.settings(userId);
      if (!row) throw new NotFoundError('user');
      return { mailOnMention: row.mail_on_mention };
    },

    async saveSettings(userId: string, settings: NotificationSettings) {
      const row = await repo.saveSettings(userId, settings);
      if (!row) throw new NotFoundError('user');
      return { mailOnMention: row.mail_on_mention } satisfies NotificationSettings;
    },

    async list(
      userId: string,
      query: { unread?: boolean | undefined; cursor?: string | undefined; limit: number },
    ): Promise<NotificationList> {
      const after = query.cursor ? decodeCreationCursor(query.cursor) : undefined;
      const [rows, unreadCount] = await Promise.all([
        repo.list({ userId, unread: query.unread, after, limit: query.limit }),
        repo.unreadCount(userId),
      ]);
      const { page, nextCursor } = creationPage(rows, query.limit);
      return { items: page.map(toNotification), nextCursor, unreadCount };
    },

    /**
     * Marks notifications read (`ids` undefined: all of them); the unread count that remains.
     * The user's other tabs hear of it through their streams.
     */
    async markRead(userId: string, ids: string[] | undefined) {
      const unreadCount = await uow.run(async ({ notifications, outbox }) => {
        await notifications.markRead(userId, ids);
        const count = await notifications.unreadCount(userId);
        await outbox.append([
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
