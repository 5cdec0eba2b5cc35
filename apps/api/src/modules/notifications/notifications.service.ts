import type { NotificationList } from '@taskflow/contract';
import { z } from 'zod';
import { AppError, NotFoundError } from '../../platform/http/errors.ts';
import type { Publish } from '../events/events.repository.ts';
import { toNotification } from './notification-json.ts';
import type { NotificationPosition, NotificationsRepository } from './notifications.repository.ts';

const timestamp = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?[+-]\d\d(:\d\d)?$/;
const CursorShape = z.tuple([z.string().regex(timestamp), z.uuid()]);

const encodeCursor = (p: NotificationPosition) =>
  Buffer.from(JSON.stringify([p.createdAt, p.id])).toString('base64url');

function decodeCursor(text: string): NotificationPosition {
  try {
    const [createdAt, id] = CursorShape.parse(
      JSON.parse(Buffer.from(text, 'base64url').toString('utf8')),
    );
    return { createdAt, id };
  } catch {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: 'query.cursor', message: 'Not a cursor from this API' }],
    });
  }
}

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
      const after = query.cursor ? decodeCursor(query.cursor) : undefined;
      const [rows, unreadCount] = await Promise.all([
        repo.list({ userId, unread: query.unread, after, limit: query.limit }),
        repo.unreadCount(userId),
      ]);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map(toNotification),
        nextCursor:
          rows.length > query.limit && last
            ? encodeCursor({ createdAt: last.created_key, id: last.id })
            : null,
        unreadCount,
      };
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
