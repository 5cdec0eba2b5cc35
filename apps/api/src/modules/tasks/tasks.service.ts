import type {
  BulkStatusInput,
  ListTasksOptions,
  MoveTaskInput,
  Task,
  TaskList,
  TaskSort,
} from '@taskflow/contract';
import { generateKeyBetween } from 'fractional-indexing';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError, NotFoundError } from '../../platform/http/errors.ts';
import { toPrefixQuery } from './search-query.ts';
import type { TaskChange } from './task-activity.ts';
import { toTask } from './task-json.ts';
import { type Cursor, decodeCursor, encodeCursor } from './tasks.cursor.ts';
import type { TaskFilters } from './tasks.listing.ts';
import type {
  NewTask,
  TaskChanges,
  TaskQueries,
  TaskRow,
  TaskScope,
  TasksRepository,
} from './tasks.repository.ts';

type Deps = {
  repo: TasksRepository;
  /** Whether the user belongs to the workspace (for answers that have no task to go by). */
  isMember: (workspaceId: string, userId: string) => Promise<boolean>;
  /** Called after every change to a workspace's tasks (its stats are recomputed). */
  changed: (workspaceId: string) => Promise<void>;
  /** Records changes in their transaction, last: followers, notifications, outbox events. */
  record: (trx: Kysely<DB>, actorId: string, changes: TaskChange[]) => Promise<void>;
};

const taskNotFound = () => new NotFoundError('task');

/** A 412 that carries the task as it is now, so the client can show what changed. */
export class TaskConflictError extends AppError {
  constructor(current: Task) {
    super('PRECONDITION_FAILED', {
      detail: `The task has changed: it is at version ${current.version}`,
      extra: { current },
      headers: { etag: `"${current.version}"` },
    });
  }
}

/** A foreign-key failure on the assignee: they are not a member of the workspace. */
function assigneeProblem(error: unknown): AppError | undefined {
  const e = error as { code?: string; constraint?: string; message?: string };
  const onAssignee =
    e.constraint === 'tasks_assignee_member' || e.message?.includes('tasks_assignee_member');
  if (e.code !== '23503' || !onAssignee) return undefined;
  return new AppError('VALIDATION_FAILED', {
    errors: [
      { path: 'body.assigneeId', message: 'The assignee must be a member of the workspace' },
    ],
  });
}

async function orAssigneeProblem<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw assigneeProblem(error) ?? error;
  }
}

function filtersOf(query: ListTasksOptions, userId: string): TaskFilters {
  const assignee =
    query.assignee === 'me' ? userId : query.assignee === 'none' ? null : query.assignee;
  return {
    status: query.status,
    priority: query.priority,
    assignee,
    label: query.label,
    dueBefore: query.dueBefore,
    dueAfter: query.dueAfter,
    search: query.q === undefined ? undefined : (toPrefixQuery(query.q) ?? undefined),
  };
}

function sortOf(query: ListTasksOptions, filters: TaskFilters): TaskSort {
  const sort = query.sort ?? (filters.search ? 'relevance' : 'position');
  if (sort === 'relevance' && !filters.search) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: 'query.sort', message: 'Sorting by relevance needs words to search for' }],
    });
  }
  return sort;
}

export function createTasksService({ repo, isMember, changed, record }: Deps) {
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
    tx: TaskQueries,
    scope: TaskScope,
    taskId: string,
    expectedVersion: number | undefined,
  ): Promise<TaskRow> {
    const [row] = await tx.lock(scope, [taskId]);
    if (!row) throw taskNotFound();
    if (expectedVersion !== undefined && row.version !== expectedVersion) {
      throw new TaskConflictError(toTask(row));
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
    tx: TaskQueries,
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
      throw new AppError('VALIDATION_FAILED', {
        errors: [{ path: `body.${field}`, message: 'No other task with this id in the workspace' }],
      });
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
      const filters = filtersOf(query, scope.userId);
      const sort = sortOf(query, filters);
      const cursor: Cursor | undefined = query.cursor
        ? decodeCursor(query.cursor, sort)
        : undefined;
      // A search with no words (only punctuation) matches nothing rather than everything.
      if (query.q !== undefined && !filters.search && query.q.trim() !== '') {
        await requireMember(scope);
        return { items: [], nextCursor: null };
      }
      const rows = await repo.list({ ...scope, filters, sort, cursor, limit: query.limit });
      if (rows.length === 0) await requireMember(scope);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      const more = rows.length > query.limit && last;
      return {
        items: page.map(toTask),
        nextCursor: more ? encodeCursor({ sort, key: last.sort_key, id: last.id }) : null,
      };
    },

    async create(scope: TaskScope, body: Omit<NewTask, 'position'>): Promise<Task> {
      const row = await repo.transaction(async (tx, trx) => {
        const placement = await tx.placementForNew(scope);
        if (!placement) throw new NotFoundError('workspace');
        // New tasks go to the top of the manual order, where the person adding them looks.
        const position = generateKeyBetween(null, placement.first_position ?? null);
        const task = await orAssigneeProblem(tx.insert(scope, { ...body, position }));
        await record(trx, scope.userId, [{ kind: 'created', task }]);
        return task;
      });
      await changed(scope.workspaceId);
      return toTask(row);
    },

    async update(
      scope: TaskScope,
      taskId: string,
      changes: TaskChanges,
      expectedVersion?: number,
    ): Promise<Task> {
      const row = await repo.transaction(async (tx, trx) => {
        const before = await lockOne(tx, scope, taskId, expectedVersion);
        const task = await orAssigneeProblem(tx.update(scope, taskId, changes));
        if (!task) throw taskNotFound();
        await record(trx, scope.userId, [{ kind: 'updated', task, before }]);
        return task;
      });
      await changed(scope.workspaceId);
      return toTask(row);
    },

    async remove(scope: TaskScope, taskId: string) {
      await repo.transaction(async (tx, trx) => {
        const task = await tx.softDelete(scope, taskId);
        if (!task) throw taskNotFound();
        await record(trx, scope.userId, [{ kind: 'deleted', task }]);
      });
      await changed(scope.workspaceId);
    },

    /** Undoes a deletion (within the restore window); restoring a live task changes nothing. */
    async restore(scope: TaskScope, taskId: string): Promise<Task> {
      const row = await repo.transaction(async (tx, trx) => {
        const task = await tx.restore(scope, taskId);
        if (task) await record(trx, scope.userId, [{ kind: 'restored', task }]);
        return task;
      });
      if (!row) return current(scope, taskId);
      await changed(scope.workspaceId);
      return toTask(row);
    },

    /** All or nothing: if one task is not found, none changes. */
    async setStatus(scope: TaskScope, body: BulkStatusInput): Promise<Task[]> {
      const rows = await repo.transaction(async (tx, trx) => {
        const before = await tx.lock(scope, body.ids);
        if (before.length !== body.ids.length) throw taskNotFound();
        const updated = await tx.setStatus(scope, body.ids, body.status);
        const old = new Map(before.map((r) => [r.id, r]));
        await record(
          trx,
          scope.userId,
          updated.map((task) => ({ kind: 'updated', task, before: old.get(task.id) ?? task })),
        );
        return updated;
      });
      await changed(scope.workspaceId);
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
      const row = await repo.transaction(async (tx, trx) => {
        if (!(await tx.lockWorkspace(scope))) throw new NotFoundError('workspace');
        const before = await lockOne(tx, scope, taskId, expectedVersion);
        const position = await positionBeside(tx, scope, taskId, body);
        const task = await tx.update(scope, taskId, { status: body.status, position });
        if (!task) throw taskNotFound();
        await record(trx, scope.userId, [{ kind: 'updated', task, before }]);
        return task;
      });
      await changed(scope.workspaceId);
      return toTask(row);
    },

    async labels(scope: TaskScope): Promise<string[]> {
      await requireMember(scope);
      return repo.labels(scope.workspaceId);
    },
  };
}

export type TasksService = ReturnType<typeof createTasksService>;
