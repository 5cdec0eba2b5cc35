import { EXPORT_TTL_HOURS } from '@taskflow/contract';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import {
  callerIsMember,
  liveTasks,
  type TaskFilters,
  taskFilterConditions,
} from '../tasks/index.ts';

const exportColumns = [
  'id',
  'workspace_id',
  'user_id',
  'status',
  'row_count',
  'created_at',
  'completed_at',
  'expires_at',
] as const;

/** The statements on task exports. */
/** The only place task exports meet SQL. */
export function createExportsRepository(db: Kysely<DB>) {
  return {
    /** A new pending export; undefined if the user is not a member of the workspace. */
    insert: async (workspaceId: string, userId: string) => {
      const row = await db
        .insertInto('task_exports')
        .columns(['workspace_id', 'user_id'])
        .expression((eb) =>
          eb
            .selectFrom('workspace_members')
            .select(['workspace_id', 'user_id'])
            .where('workspace_id', '=', workspaceId)
            .where('user_id', '=', userId),
        )
        .returning(exportColumns)
        .executeTakeFirst();
      return row;
    },

    /** An export of the workspace, for a member of it. */
    find: (workspaceId: string, exportId: string, userId: string) =>
      db
        .selectFrom('task_exports')
        .select(exportColumns)
        .where('id', '=', exportId)
        .where('workspace_id', '=', workspaceId)
        // Exports are never seen from outside the workspace.
        .where(callerIsMember(workspaceId, userId))
        .executeTakeFirst(),

    /** The file of a ready export, for a member of its workspace. */
    content: (workspaceId: string, exportId: string, userId: string) =>
      db
        .selectFrom('task_exports')
        .select([...exportColumns, 'content'])
        .where('id', '=', exportId)
        .where('workspace_id', '=', workspaceId)
        .where(callerIsMember(workspaceId, userId))
        .executeTakeFirst(),

    /** Exports made by a user in the last hour (a bound on how often one can ask). */
    recentCount: async (userId: string) => {
      const row = await db
        .selectFrom('task_exports')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('user_id', '=', userId)
        .where('created_at', '>', sql<string>`now() - interval '1 hour'`)
        .executeTakeFirstOrThrow();
      return row.n;
    },

    /** The pending export a job is to make, locked; undefined once made (or gone). */
    lockPending: (exportId: string) =>
      db
        .selectFrom('task_exports')
        .select(exportColumns)
        .where('id', '=', exportId)
        .where('status', '=', 'pending')
        .forUpdate()
        .executeTakeFirst(),

    /** The live tasks of a workspace the filters keep, with their assignee's email, in manual order. */
    rows: (workspaceId: string, filters: TaskFilters) => {
      let query = liveTasks(db, workspaceId, 't')
        .leftJoin('users as u', 'u.id', 't.assignee_id')
        .select([
          't.id',
          't.title',
          't.description',
          't.status',
          't.priority',
          sql<string | null>`to_char(t.due_date, 'YYYY-MM-DD')`.as('due_date'),
          'u.email as assignee_email',
          't.labels',
          't.created_at',
          't.updated_at',
          't.completed_at',
        ]);
      for (const condition of taskFilterConditions(filters, 't')) query = query.where(condition);
      return query.orderBy('t.position').orderBy('t.id').execute();
    },

    complete: (exportId: string, content: string, rowCount: number) =>
      db
        .updateTable('task_exports')
        .set({
          status: 'ready',
          content,
          row_count: rowCount,
          completed_at: sql<string>`now()`,
          expires_at: sql<string>`now() + make_interval(hours => ${EXPORT_TTL_HOURS})`,
        })
        .where('id', '=', exportId)
        .returning(exportColumns)
        .executeTakeFirstOrThrow(),

    fail: (exportId: string) =>
      db
        .updateTable('task_exports')
        .set({ status: 'failed', completed_at: sql<string>`now()` })
        .where('id', '=', exportId)
        .where('status', '=', 'pending')
        .execute(),

    /** Drops the files of expired exports, and the records of exports a month old. */
    purge: async () => {
      const expired = await db
        .updateTable('task_exports')
        .set({ status: 'expired', content: null })
        .where('status', '=', 'ready')
        .where('expires_at', '<', sql<string>`now()`)
        .executeTakeFirst();
      const removed = await db
        .deleteFrom('task_exports')
        .where('created_at', '<', sql<string>`now() - interval '30 days'`)
        .executeTakeFirst();
      return { expired: Number(expired.numUpdatedRows), removed: Number(removed.numDeletedRows) };
    },
  };
}

export type ExportsRepository = ReturnType<typeof createExportsRepository>;
export type ExportRow = NonNullable<Awaited<ReturnType<ExportsRepository['find']>>>;
