import type { Task, TaskListItem } from '@taskflow/contract';
import type { TaskRow } from './tasks.repository.ts';

/** A task row as the API (and its events) show it. */
export function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    title: row.title,
    description: row.description,
    status: row.status,
    priority: row.priority,
    dueDate: row.due_date,
    assigneeId: row.assignee_id,
    labels: row.labels,
    position: row.position,
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
  };
}

/** A row of a list, with the counts its card shows. */
export function toTaskListItem(
  row: TaskRow & { comment_count: number; attachment_count: number },
): TaskListItem {
  return {
    ...toTask(row),
    counts: { comments: row.comment_count, attachments: row.attachment_count },
  };
}
