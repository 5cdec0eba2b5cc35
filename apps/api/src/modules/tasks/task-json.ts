import type { Task } from '@taskflow/contract';
import type { TaskRow } from './tasks.repository.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

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
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    completedAt: iso(row.completed_at),
  };
}
