import type {
  BulkStatusInput,
  ListTasksOptions,
  MoveTaskInput,
  Task,
  TaskFilterOptions,
  TaskList,
  TaskSort,
  TaskStatusCounts,
} from '@taskflow/contract';
import { generateKeyBetween } from 'fractional-indexing';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { pageOf } from '../../platform/cursor.ts';
import type { UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { InvalidInputError, NotFoundError, StaleVersionError } from '../../platform/errors.ts';
import { createTaskActivity } from './task-activity.ts';
import { createTaskBulkRepository } from './task-bulk.repository.ts';
import { type TaskFilters, taskFiltersOf } from './task-filters.ts';
import { toTask, toTaskListItem } from './task-json.ts';
import { cursorParts, decodeTaskCursor } from './tasks.cursor.ts';
import {
  createTasksRepository,
  type NewTask,
  type TaskChanges,
  type TaskRow,
  type TaskScope,
  type TasksRepository,
} from './tasks.repository.ts';

/** What a change to tasks runs in: their statements and the activity it records. */
export const taskRepositories = { tasks: createTasksRepository, activity: createTaskActivity };
type TasksUnitOfWork = UnitOfWork<typeof taskRepositories>;

type Deps = {
  /** Reads, outside any transaction. */
  repo: TasksRepository;
  uow: TasksUnitOfWork;
  /** Whether the user belongs to the workspace (for answers that have no task to go by). */
  isMember: (workspaceId: string, userId: string) => Promise<boolean>;
  /** Called after every committed change to a workspace's tasks (its stats are recomputed). */
  invalidateStats: (workspaceId: string) => Promise<void>;
};

const taskNotFound = () => new NotFoundError('task');

function sortOf(query: ListTasksOptions, filters: TaskFilters): TaskSort {
  const sort = query.sort ?? (filters.search ? 'relevance' : 'position');
  if (sort === 'relevance' && !filters.search) {
    throw InvalidInputError.field('sort', 'Sorting by relevance needs words to search for');
  }
  return sort;
}

export function createTasksService({ repo, uow, isMember, invalidateStats }: Deps) {
  async function current(scope: TaskScope, taskId: string): Promise<Task> {
    const row = await repo.find(scope, taskId);
    if (!row) throw taskNotFound();
    return toTask(row);
  }

  /**
   * Locks the task a change starts from: 404 if it is not there, 412 (with the task as it is)
   * if it is not at the version the client expects.
   */
  async function lockOne(
    tx: TasksRepository,
    scope: TaskScope,
    taskId: string,
    expectedVersion: number | undefined,
  ): Promise<TaskRow> {
    const [row] = await tx.lock(scope, [taskId]);
    if (!row) throw taskNotFound();
    if (expectedVersion !== undefined && row.version !== expectedVersion) {
      throw new StaleVersionError(toTask(row));
    }
    return row;
  }

  async function requireMember(scope: TaskScope) {
    if (!(await isMember(scope.workspaceId, scope.userId))) {
      throw new NotFoundError('workspace');
    }
  }

  /** The position right after or before another task of the workspace. */
  async function positionBeside(
    tx: TasksRepository,
    scope: TaskScope,
    taskId: string,
    body: MoveTaskInput,
  ): Promise<string | undefined> {
    const [field, anchorId] =
      'afterId' in body
        ? ['afterId', body.afterId]
        : 'beforeId' in body
          ? ['beforeId', body.beforeId]
          : [];
    if (!field || !anchorId) return undefined;
    const anchor = anchorId === taskId ? undefined : await tx.find(scope, anchorId);
    if (!anchor) {
      throw InvalidInputError.field(field, 'No other task with this id in the workspace');
    }
    const side = field === 'afterId' ? 'after' : 'before';
    const other = await tx.neighbourPosition(scope.workspaceId, anchor.position, side, taskId);
    return side === 'after'
      ? generateKeyBetween(anchor.position, other)
      : generateKeyBetween(other, anchor.position);
  }

  return {
    get: current,

    async list(scope: TaskScope, query: ListTasksOptions): Promise<TaskList> {
      const filters = taskFiltersOf(query, scope.userId);
      const sort = sortOf(query, filters);
      const cursor = query.cursor ? decodeTaskCursor(query.cursor, sort) : undefined;
      const rows = await repo.list({ ...scope, filters, sort, cursor, limit: query.limit });
      if (rows.length === 0) await requireMember(scope);
      const { page, nextCursor } = pageOf(rows, query.limit, (last) =>
        cursorParts({ sort, key: last.sort_key, id: last.id }),
      );
      return { items: page.map(toTaskListItem), nextCursor };
    },

    async statusCounts(scope: TaskScope, query: TaskFilterOptions): Promise<TaskStatusCounts> {
      const filters = taskFiltersOf(query, scope.userId);
      const { member, ...byStatus } = await repo.statusCounts({ ...scope, filters });
      if (!member) throw new NotFoundError('workspace');
      return { byStatus };
    },

    async create(scope: TaskScope, body: Omit<NewTask, 'position'>): Promise<Task> {
      const row = await uow.run(async ({ tasks, activity }) => {
        const placement = await tasks.placementForNew(scope);
        if (!placement) throw new NotFoundError('workspace');
        // New tasks go to the top of the manual order, where the person adding them looks.
        const position = generateKeyBetween(null, placement.first_position ?? null);
        const task = await tasks.insert(scope, { ...body, position });
        await activity.record(scope.userId, [{ kind: 'created', task }]);
        return task;
      });
      await invalidateStats(scope.workspaceId);
      return toTask(row);
    },

    async update(
      scope: TaskScope,
      taskId: string,
      changes: TaskChanges,
      expectedVersion?: number,
    ): Promise<Task> {
      const row = await uow.run(async ({ tasks, activity }) => {
        const before = await lockOne(tasks, scope, taskId, expectedVersion);
        const task = await tasks.update(scope, taskId, changes);
        if (!task) throw taskNotFound();
        await activity.record(scope.userId, [{ kind: 'updated', task, before }]);
        return task;
      });
      await invalidateStats(scope.workspaceId);
      return toTask(row);
    },

    async remove(scope: TaskScope, taskId: string) {
      await uow.run(async ({ tasks, activity }) => {
        const task = await tasks.softDelete(scope, taskId);
        if (!task) throw taskNotFound();
        await activity.record(scope.userId, [{ kind: 'deleted', task }]);
      });
      await invalidateStats(scope.workspaceId);
    },

    /** Undoes a deletion (within the restore window); restoring a live task changes nothing. */
    async restore(scope: TaskScope, taskId: string): Promise<Task> {
      const row = await uow.run(async ({ tasks, activity }) => {
        const task = await tasks.restore(scope, taskId);
        if (task) await activity.record(scope.userId, [{ kind: 'restored', task }]);
        return task;
      });
      if (!row) return current(scope, taskId);
      await invalidateStats(scope.workspaceId);
      return toTask(row);
    },

    /** All or nothing: if one task is not found, none changes. */
    async setStatus(scope: TaskScope, body: BulkStatusInput): Promise<Task[]> {
      const rows = await uow.run(async ({ tasks, activity }) => {
        const before = await tasks.lock(scope, body.ids);
        if (before.length !== body.ids.length) throw taskNotFound();
        const updated = await tasks.setStatus(scope, body.ids, body.status);
        const old = new Map(before.map((r) => [r.id, r]));
        await activity.record(
          scope.userId,
          updated.map((task) => ({ kind: 'updated', task, before: old.get(task.id) ?? task })),
        );
        return updated;
      });
      await invalidateStats(scope.workspaceId);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return body.ids.flatMap((id) => {
        const row = byId.get(id);
        return row ? [toTask(row)] : [];
      });
    },

    /** Changes column and/or places the task between two others, without touching the rest. */
    async move(
      scope: TaskScope,
      taskId: string,
      body: MoveTaskInput,
      expectedVersion?: number,
    ): Promise<Task> {
      const row = await uow.run(async ({ tasks, activity }) => {
        if (!(await tasks.lockWorkspace(scope))) throw new NotFoundError('workspace');
        const before = await lockOne(tasks, scope, taskId, expectedVersion);
        const position = await positionBeside(tasks, scope, taskId, body);
        const task = await tasks.update(scope, taskId, { status: body.status, position });
        if (!task) throw taskNotFound();
        await activity.record(scope.userId, [{ kind: 'updated', task, before }]);
        return task;
      });
      await invalidateStats(scope.workspaceId);
      return toTask(row);
    },

    async labels(scope: TaskScope): Promise<string[]> {
      await requireMember(scope);
      return repo.labels(scope.workspaceId);
    },
  };
}

export type TasksService = ReturnType<typeof createTasksService>;

/**
 * Takes a leaving member's tasks off them, in the transaction that removes them: the same change
 * as any other (events, followers told), made by the owner who removes them. Unassigning changes
 * no figure of the workspace's stats.
 */
export const memberTasks = (trx: Kysely<DB>) => ({
  async unassign(workspaceId: string, userId: string, actorId: string) {
    const changed = await createTasksRepository(trx).unassign(workspaceId, userId);
    await createTaskActivity(trx).record(
      actorId,
      changed.map(({ task, before }) => ({ kind: 'updated', task, before })),
    );
  },
});

export type MemberTasks = ReturnType<typeof memberTasks>;

/**
 * Renames a label on a workspace's tasks, in the transaction that renames its definition: a
 * change of each task like any other (history, events), made by the owner who renames it.
 */
export const labelTasks = (trx: Kysely<DB>) => ({
  async rename(workspaceId: string, from: string, to: string, actorId: string) {
    const changed = await createTaskBulkRepository(trx).renameLabel(workspaceId, from, to);
    await createTaskActivity(trx).record(
      actorId,
      changed.map(({ task, before }) => ({ kind: 'updated', task, before })),
    );
  },
});

export type LabelTasks = ReturnType<typeof labelTasks>;
