import { RESTORE_WINDOW_DAYS, type TaskPriority, type TaskStatus } from '@taskflow/contract';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { callerIsMember } from './task-list.repository.ts';

/** Where a page of the trash starts: after this deletion time and id (newest first). */
type TrashCursor = { deletedAt: string; id: string };

export type TrashRow = {
  id: string;
  workspace_id: string;
  title: string;
  status: TaskStatus;
  priority: TaskPriority;
  due_date: string | null;
  assignee_id: string | null;
  labels: string[];
  deleted_at: string;
  deleted_key: string;
  restorable_until: string;
};

const restoreWindow = sql`make_interval(days => ${RESTORE_WINDOW_DAYS})`;

/** The statements of a workspace's trash: its deleted tasks that can still be restored. */
export function createTrashRepository(db: Kysely<DB>) {
  return {
    /** A page, most recently deleted first, for a member (walked by tasks_trash). */
    page: (input: {
      workspaceId: string;
      userId: string;
      after?: TrashCursor | undefined;
      limit: number;
    }) => {
      let query = db
        .selectFrom('tasks')
        .select([
          'id',
          'workspace_id',
          'title',
          'status',
          'priority',
          sql<string | null>`to_char(due_date, 'YYYY-MM-DD')`.as('due_date'),
          'assignee_id',
          'labels',
          sql<string>`deleted_at`.as('deleted_at'),
          sql<string>`deleted_at::text`.as('deleted_key'),
          sql<string>`deleted_at + ${restoreWindow}`.as('restorable_until'),
        ])
        .where('workspace_id', '=', input.workspaceId)
        .where('deleted_at', 'is not', null)
        .where(sql<boolean>`deleted_at > now() - ${restoreWindow}`)
        .where(callerIsMember(input.workspaceId, input.userId));
      if (input.after) {
        const { deletedAt, id } = input.after;
        query = query.where(
          sql<boolean>`(deleted_at, id) < (${deletedAt}::timestamptz, ${id}::uuid)`,
        );
      }
      return query
        .orderBy('deleted_at', 'desc')
        .orderBy('id', 'desc')
        .limit(input.limit + 1)
        .execute() as Promise<TrashRow[]>;
    },
  };
}

export type TrashRepository = ReturnType<typeof createTrashRepository>;
