import { type BulkAction, type BulkTasksInput, MAX_LABELS, type Task } from '@taskflow/contract';
import { generateNKeysBetween } from 'fractional-indexing';
import type { UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import { createTaskBulkRepository } from './task-bulk.repository.ts';
import { toTask } from './task-json.ts';
import type { TaskRow, TaskScope } from './tasks.repository.ts';
import { taskRepositories } from './tasks.service.ts';

export const bulkRepositories = { ...taskRepositories, bulk: createTaskBulkRepository };
type BulkUnitOfWork = UnitOfWork<typeof bulkRepositories>;
type Tx = Parameters<Parameters<BulkUnitOfWork['run']>[0]>[0];

type Deps = {
  uow: BulkUnitOfWork;
  invalidateStats: (workspaceId: string) => Promise<void>;
};

type LabelAction = Extract<BulkAction, { type: 'addLabels' | 'removeLabels' }>;

/** A task's labels after the action; undefined when they stay as they are. */
function relabel(labels: string[], action: LabelAction): string[] | undefined {
  const named = new Set(action.labels.map((l) => l.toLowerCase()));
  const kept = labels.filter((l) => !named.has(l.toLowerCase()));
  if (action.type === 'removeLabels') return kept.length === labels.length ? undefined : kept;
  const have = new Set(labels.map((l) => l.toLowerCase()));
  const added = action.labels.filter((l) => !have.has(l.toLowerCase()));
  if (added.length === 0) return undefined;
  const next = [...labels, ...added];
  if (next.length > MAX_LABELS) {
    throw InvalidInputError.field('action.labels', `A task can carry at most ${MAX_LABELS} labels`);
  }
  return next;
}

/**
 * One action on many tasks of a workspace, in one transaction: every task must be a live task of
 * the workspace, or nothing changes. Each change is recorded as the single edits record theirs
 * (history, followers told, live events).
 */
export function createTaskBulkService({ uow, invalidateStats }: Deps) {
  async function apply(tx: Tx, scope: TaskScope, before: TaskRow[], action: BulkAction) {
    const ids = before.map((t) => t.id);
    const updated = (rows: TaskRow[]) => {
      const old = new Map(before.map((r) => [r.id, r]));
      return tx.activity.record(
        scope.userId,
        rows.map((task) => ({ kind: 'updated', task, before: old.get(task.id) ?? task })),
      );
    };
    switch (action.type) {
      case 'status':
      case 'priority':
      case 'assignee': {
        const changes =
          action.type === 'status'
            ? { status: action.status }
            : action.type === 'priority'
              ? { priority: action.priority }
              : { assigneeId: action.assigneeId };
        const rows = await tx.bulk.update(scope, ids, changes);
        await updated(rows);
        return rows;
      }
      case 'addLabels':
      case 'removeLabels': {
        const labels = before.flatMap((t) => {
          const next = relabel(t.labels, action);
          return next ? [{ id: t.id, labels: next }] : [];
        });
        const rows = labels.length > 0 ? await tx.bulk.setLabels(scope, labels) : [];
        await updated(rows);
        return rows;
      }
      case 'delete': {
        const rows = await tx.bulk.softDelete(scope, ids);
        await tx.activity.record(
          scope.userId,
          rows.map((task) => ({ kind: 'deleted', task })),
        );
        return rows;
      }
      case 'move':
        return move(tx, scope, before, action.targetWorkspaceId);
    }
  }

  async function move(tx: Tx, scope: TaskScope, before: TaskRow[], targetId: string) {
    const target = { workspaceId: targetId, userId: scope.userId };
    const field = 'action.targetWorkspaceId';
    if (targetId === scope.workspaceId) {
      throw InvalidInputError.field(field, 'The tasks are already in this workspace');
    }
    // Locked so that tasks added there meanwhile do not take the same positions.
    const placement = (await tx.tasks.lockWorkspace(target))
      ? await tx.tasks.placementForNew(target)
      : undefined;
    if (!placement) throw InvalidInputError.field(field, 'No workspace of yours has this id');
    // They arrive on top of the manual order there, in the order they had.
    const ordered = [...before].sort((a, b) => (a.position < b.position ? -1 : 1));
    const keys = generateNKeysBetween(null, placement.first_position ?? null, ordered.length);
    const positions = ordered.map((t, i) => ({ id: t.id, position: keys[i] ?? '' }));
    const rows = await tx.bulk.moveTasks(scope, targetId, positions);
    await tx.bulk.moveBelongings(
      rows.map((r) => r.id),
      targetId,
    );
    const old = new Map(before.map((r) => [r.id, r]));
    await tx.activity.record(
      scope.userId,
      rows.map((task) => ({ kind: 'moved', task, before: old.get(task.id) ?? task })),
    );
    return rows;
  }

  return {
    async run(scope: TaskScope, body: BulkTasksInput): Promise<Task[]> {
      const rows = await uow.run(async (tx) => {
        const before = await tx.tasks.lock(scope, body.taskIds);
        if (before.length !== body.taskIds.length) throw new NotFoundError('task');
        const changed = new Map(
          (await apply(tx, scope, before, body.action)).map((r) => [r.id, r]),
        );
        // Tasks the action left as they were are answered as they are.
        return before.map((t) => changed.get(t.id) ?? t);
      });
      await invalidateStats(scope.workspaceId);
      if (body.action.type === 'move') await invalidateStats(body.action.targetWorkspaceId);
      const byId = new Map(rows.map((r) => [r.id, toTask(r)]));
      return body.taskIds.flatMap((id) => byId.get(id) ?? []);
    },
  };
}

export type TaskBulkService = ReturnType<typeof createTaskBulkService>;
