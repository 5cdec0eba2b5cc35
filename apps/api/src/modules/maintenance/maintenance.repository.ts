import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Housekeeping statements on accounts data. */
export function createMaintenanceRepository(db: Kysely<DB>) {
  return {
    /**
     * Deletes sessions that ended a day ago or more (expired, idle too long, or revoked a month
     * ago: revoked ones stay a while for the user's session list and reuse detection), with their
     * refresh tokens.
     */
    purgeSessions: async () => {
      const result = await db
        .deleteFrom('sessions')
        .where((eb) =>
          eb.or([
            eb('absolute_expires_at', '<', sql<string>`now() - interval '1 day'`),
            eb('idle_expires_at', '<', sql<string>`now() - interval '1 day'`),
            eb('revoked_at', '<', sql<string>`now() - interval '30 days'`),
          ]),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /**
     * Deletes tasks deleted longer ago than they can be restored, with everything on them
     * (comments, history, attachments: their stored files are queued for deletion by a trigger).
     * A bounded batch a run, so one run never holds locks for long.
     */
    purgeDeletedTasks: async (restoreWindowDays: number, batch = 1_000) => {
      const result = await db
        .deleteFrom('tasks')
        .where(
          'id',
          'in',
          db
            .selectFrom('tasks')
            .select('id')
            .where(
              'deleted_at',
              '<',
              sql<string>`now() - make_interval(days => ${restoreWindowDays})`,
            )
            .limit(batch),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type MaintenanceRepository = ReturnType<typeof createMaintenanceRepository>;
