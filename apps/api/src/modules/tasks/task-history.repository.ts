import type { FieldChange, HistoryKind } from '@taskflow/contract';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { CreationCursor } from '../../platform/cursor.ts';
import { callerIsMember } from './task-list.repository.ts';

/** One entry of a task's history, as its change writes it. */
export type NewHistoryEntry = {
  workspaceId: string;
  taskId: string;
  actorId: string | null;
  kind: HistoryKind;
  changes?: FieldChange[];
  commentId?: string;
  attachment?: { id: string; name: string };
};

export type HistoryRow = {
  id: string;
  task_id: string;
  actor_id: string | null;
  kind: HistoryKind;
  details: {
    changes?: FieldChange[];
    commentId?: string;
    attachment?: { id: string; name: string };
  };
  created_at: string;
  created_key: string;
};

/** The statements of task history: written by the changes' transactions, read newest first. */
export function createTaskHistoryRepository(db: Kysely<DB>) {
  return {
    insert: async (entries: NewHistoryEntry[]) => {
      if (entries.length === 0) return;
      await db
        .insertInto('task_history')
        .values(
          entries.map((e) => ({
            workspace_id: e.workspaceId,
            task_id: e.taskId,
            actor_id: e.actorId,
            kind: e.kind,
            details: JSON.stringify({
              ...(e.changes ? { changes: e.changes } : {}),
              ...(e.commentId ? { commentId: e.commentId } : {}),
              ...(e.attachment ? { attachment: e.attachment } : {}),
            }),
          })),
        )
        .execute();
    },

    /** A page of a task's history, newest first, for a member of its workspace. */
    page: (input: {
      workspaceId: string;
      userId: string;
      taskId: string;
      before?: CreationCursor | undefined;
      limit: number;
    }) => {
      let query = db
        .selectFrom('task_history as h')
        .select(['h.id', 'h.task_id', 'h.actor_id', 'h.kind', 'h.details', 'h.created_at'])
        .select(sql<string>`h.created_at::text`.as('created_key'))
        .where('h.workspace_id', '=', input.workspaceId)
        .where('h.task_id', '=', input.taskId)
        .where(callerIsMember(input.workspaceId, input.userId));
      if (input.before) {
        const { createdAt, id } = input.before;
        query = query.where(
          sql<boolean>`(h.created_at, h.id) < (${createdAt}::timestamptz, ${id}::uuid)`,
        );
      }
      return query
        .orderBy('h.created_at', 'desc')
        .orderBy('h.id', 'desc')
        .limit(input.limit + 1)
        .execute() as Promise<HistoryRow[]>;
    },
  };
}
