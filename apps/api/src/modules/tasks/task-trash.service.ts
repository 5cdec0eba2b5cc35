import type { TrashPage } from '@taskflow/contract';
import { z } from 'zod';
import { decodeCursor, pageOf } from '../../platform/cursor.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { TrashRepository, TrashRow } from './task-trash.repository.ts';
import type { TaskScope } from './tasks.repository.ts';

type Deps = {
  repo: TrashRepository;
  /** Whether the user belongs to the workspace (an empty page says nothing about it). */
  isMember: (workspaceId: string, userId: string) => Promise<boolean>;
};

const CursorShape = z.tuple([z.string().max(60), z.uuid()]);

const toTrashedTask = (row: TrashRow) => ({
  id: row.id,
  workspaceId: row.workspace_id,
  title: row.title,
  status: row.status,
  priority: row.priority,
  dueDate: row.due_date,
  assigneeId: row.assignee_id,
  labels: row.labels,
  deletedAt: row.deleted_at,
  restorableUntil: row.restorable_until,
});

/** A workspace's trash: deleted tasks still within the restore window, for its members. */
export function createTrashService({ repo, isMember }: Deps) {
  return {
    async page(
      scope: TaskScope,
      query: { cursor?: string | undefined; limit: number },
    ): Promise<TrashPage> {
      const after = query.cursor ? decodeCursor(query.cursor, CursorShape) : undefined;
      const rows = await repo.page({
        ...scope,
        after: after && { deletedAt: after[0], id: after[1] },
        limit: query.limit,
      });
      if (rows.length === 0 && !(await isMember(scope.workspaceId, scope.userId))) {
        throw new NotFoundError('workspace');
      }
      const { page, nextCursor } = pageOf(rows, query.limit, (last) => [last.deleted_key, last.id]);
      return { items: page.map(toTrashedTask), nextCursor };
    },
  };
}

export type TrashService = ReturnType<typeof createTrashService>;
