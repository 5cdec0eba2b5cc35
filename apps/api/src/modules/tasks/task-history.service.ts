import type { HistoryEntry, HistoryPage } from '@taskflow/contract';
import { creationPage, decodeCreationCursor } from '../../platform/cursor.ts';
import type { createTaskHistoryRepository, HistoryRow } from './task-history.repository.ts';
import type { TaskScope } from './tasks.repository.ts';

type Deps = {
  history: ReturnType<typeof createTaskHistoryRepository>;
  /** Throws the task's 404 unless it is live in the scope's workspace. */
  requireTask: (scope: TaskScope, taskId: string) => Promise<unknown>;
};

const toEntry = (row: HistoryRow): HistoryEntry => ({
  id: row.id,
  taskId: row.task_id,
  actorId: row.actor_id,
  kind: row.kind,
  changes: row.details.changes ?? [],
  commentId: row.details.commentId ?? null,
  attachment: row.details.attachment ?? null,
  createdAt: row.created_at,
});

/** What happened to a task, newest first, for the members of its workspace. */
export function createTaskHistoryService({ history, requireTask }: Deps) {
  return {
    async page(
      scope: TaskScope,
      taskId: string,
      query: { cursor?: string | undefined; limit: number },
    ): Promise<HistoryPage> {
      const before = query.cursor ? decodeCreationCursor(query.cursor) : undefined;
      await requireTask(scope, taskId);
      const rows = await history.page({ ...scope, taskId, before, limit: query.limit });
      const { page, nextCursor } = creationPage(rows, query.limit);
      return { items: page.map(toEntry), nextCursor };
    },
  };
}

export type TaskHistoryService = ReturnType<typeof createTaskHistoryService>;
