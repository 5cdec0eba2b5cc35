import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { appendEvents, type NewEvent } from '../events/index.ts';
import { toNotification } from './notification-json.ts';
import { createNotificationsRepository, type NewNotification } from './notifications.repository.ts';

/**
 * Stores notifications in the caller's transaction and returns their events (for the reader
 * only), to be appended to the outbox with the change that caused them.
 */
export async function notify(db: Kysely<DB>, notices: NewNotification[]): Promise<NewEvent[]> {
  const rows = await createNotificationsRepository(db).insert(notices);
  return rows.map((row) => ({
    type: 'notification.created',
    workspaceId: null,
    userId: row.user_id,
    actorId: row.actor_id,
    data: { notification: toNotification(row) },
  }));
}

/** Notifications as a unit of work's repository: stored, and their events in the outbox. */
export const createNotices = (trx: Kysely<DB>) => ({
  send: async (notices: NewNotification[]) => appendEvents(trx, await notify(trx, notices)),
});
