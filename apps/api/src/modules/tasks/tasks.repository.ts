import { RESTORE_WINDOW_DAYS, type TaskPriority, type TaskStatus } from '@taskflow/contract';
import { type Kysely, sql, type UpdateObject } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { transact } from '../../platform/db/transact.ts';
import { callerIsMember, type ListInput, listTasksQuery, taskColumns } from './tasks.listing.ts';

export type TaskChanges = {
  title?: string | undefined;
  description?: string | undefined;
  status?: TaskStatus | undefined;
  priority?: TaskPriority | undefined;
  dueDate?: string | null | undefined;
  assigneeId?: string | null | undefined;
  labels?: string[] | undefined;
  position?: string | undefined;
};

export type NewTask = {
  title: string;
  description: string;
  status: TaskStatus;
  priority: TaskPriority;
  dueDate: string | null;
  assigneeId: string | null;
  labels: string[];
  position: string;
};

/** Where a task is addressed: its workspace, as seen by a member of it. */
export type TaskScope = { workspaceId: string; userId: string };

const now = sql<Date>`now()`;

/** The column values of a change; completion time follows the status. */
function changedColumns(changes: TaskChanges): UpdateObject<DB, 'tasks'> {
  const set: UpdateObject<DB, 'tasks'> = {};
  if (changes.title !== undefined) set.title = changes.title;
  if (changes.description !== undefined) set.description = changes.description;
  if (changes.priority !== undefined) set.priority = changes.priority;
  if (changes.dueDate !== undefined) set.due_date = changes.dueDate;
  if (changes.assigneeId !== undefined) set.assignee_id = changes.assigneeId;
  if (changes.labels !== undefined) set.labels = changes.labels;
  if (changes.position !== undefined) set.position = changes.position;
  if (changes.status !== undefined) {
    set.status = changes.status;
    set.completed_at = changes.status === 'done' ? sql<Date>`coalesce(completed_at, now())` : null;
  }
  return set;
}

/** The statements on tasks. Every one is scoped to a workspace the caller is a member of. */
function taskQueries(db: Kysely<DB>) {
  const live = (scope: TaskScope) =>
    db
      .selectFrom('tasks')
      .select(taskColumns)
      .where('workspace_id', '=', scope.workspaceId)
      .where('deleted_at', 'is', null)
      .where(callerIsMember(scope.workspaceId, scope.userId));

  const update = (scope: TaskScope) =>
    db
      .updateTable('tasks')
      .where('workspace_id', '=', scope.workspaceId)
      .where(callerIsMember(scope.workspaceId, scope.userId));

  return {
    list: (input: ListInput) => listTasksQuery(db, input).execute(),

    find: (scope: TaskScope, taskId: string) =>
      live(scope).where('id', '=', taskId).executeTakeFirst(),

    /** Live tasks, locked until the transaction ends (the state a change starts from). */
    lock: (scope: TaskScope, taskIds: string[]) =>
      live(scope).where('id', 'in', taskIds).orderBy('id').forUpdate().execute(),

    /** The caller's role and the first position of the workspace; undefined if not a member. */
    placementForNew: (scope: TaskScope) =>
      db
        .selectFrom('workspace_members as m')
        .select('m.role')
        .select((eb) =>
          eb
            .selectFrom('tasks as t')
            .select('t.position')
            .where('t.workspace_id', '=', scope.workspaceId)
            .where('t.deleted_at', 'is', null)
            .orderBy('t.position')
            .limit(1)
            .as('first_position'),
        )
        .where('m.workspace_id', '=', scope.workspaceId)
        .where('m.user_id', '=', scope.userId)
        .executeTakeFirst(),

    insert: (scope: TaskScope, task: NewTask) =>
      db
        .insertInto('tasks')
        .values({
          workspace_id: scope.workspaceId,
          title: task.title,
          description: task.description,
          status: task.status,
          priority: task.priority,
          due_date: task.dueDate,
          assignee_id: task.assigneeId,
          labels: task.labels,
          position: task.position,
          created_by: scope.userId,
          completed_at: task.status === 'done' ? now : null,
        })
        .returning(taskColumns)
        .executeTakeFirstOrThrow(),

    /** Applies a change; with `expectedVersion`, only to that version. Undefined when nothing matched. */
    update: (scope: TaskScope, taskId: string, changes: TaskChanges, expectedVersion?: number) => {
      let query = update(scope)
        .set((eb) => ({
          ...changedColumns(changes),
          version: eb('version', '+', 1),
          updated_at: now,
        }))
        .where('id', '=', taskId)
        .where('deleted_at', 'is', null);
      if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
      return query.returning(taskColumns).executeTakeFirst();
    },

    /** Sets the status of every listed live task; the tasks changed (fewer if some were not found). */
    setStatus: (scope: TaskScope, taskIds: string[], status: TaskStatus) =>
      update(scope)
        .set((eb) => ({
          ...changedColumns({ status }),
          version: eb('version', '+', 1),
          updated_at: now,
        }))
        .where('id', 'in', taskIds)
        .where('deleted_at', 'is', null)
        .returning(taskColumns)
        .execute(),

    softDelete: (scope: TaskScope, taskId: string) =>
      update(scope)
        .set((eb) => ({ deleted_at: now, updated_at: now, version: eb('version', '+', 1) }))
        .where('id', '=', taskId)
        .where('deleted_at', 'is', null)
        .returning(taskColumns)
        .executeTakeFirst(),

    /** Brings a task deleted within the restore window back. */
    restore: (scope: TaskScope, taskId: string) =>
      update(scope)
        .set((eb) => ({ deleted_at: null, updated_at: now, version: eb('version', '+', 1) }))
        .where('id', '=', taskId)
        .where('deleted_at', '>', sql<Date>`now() - make_interval(days => ${RESTORE_WINDOW_DAYS})`)
        .returning(taskColumns)
        .executeTakeFirst(),

    /**
     * Locks the workspace (for the caller, a member) until the transaction ends, so that
     * concurrent moves compute their positions one after the other. False if not a member.
     */
    lockWorkspace: async (scope: TaskScope) => {
      const row = await db
        .selectFrom('workspaces as w')
        .select('w.id')
        .where('w.id', '=', scope.workspaceId)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('workspace_members as m')
              .select(sql`1`.as('one'))
              .whereRef('m.workspace_id', '=', 'w.id')
              .where('m.user_id', '=', scope.userId),
          ),
        )
        .forUpdate()
        .executeTakeFirst();
      return row !== undefined;
    },

    /** The nearest live position after (or before) `position`, other than the moving task's. */
    neighbourPosition: async (
      workspaceId: string,
      position: string,
      side: 'after' | 'before',
      movingId: string,
    ) => {
      const row = await db
        .selectFrom('tasks as t')
        .select('t.position')
        .where('t.workspace_id', '=', workspaceId)
        .where('t.deleted_at', 'is', null)
        .where('t.id', '!=', movingId)
        .where('t.position', side === 'after' ? '>' : '<', position)
        .orderBy('t.position', side === 'after' ? 'asc' : 'desc')
        .limit(1)
        .executeTakeFirst();
      return row?.position ?? null;
    },

    /** The labels in use in a workspace, for filters and suggestions. */
    labels: async (workspaceId: string) => {
      const rows = await db
        .selectFrom(
          db
            .selectFrom('tasks')
            .select(sql<string>`unnest(labels)`.as('label'))
            .where('workspace_id', '=', workspaceId)
            .where('deleted_at', 'is', null)
            .as('l'),
        )
        .select('l.label')
        .distinct()
        .orderBy('l.label')
        .limit(500)
        .execute();
      return rows.map((r) => r.label);
    },
  };
}

export type TaskQueries = ReturnType<typeof taskQueries>;
export type TaskRow = NonNullable<Awaited<ReturnType<TaskQueries['find']>>>;

/** The only place tasks meet SQL. */
export function createTasksRepository(db: Kysely<DB>) {
  return {
    ...taskQueries(db),
    /**
     * Runs `work` in one transaction, with the statements bound to it; `trx` is the transaction
     * itself, for the outbox and notifications written with the change.
     */
    transaction: <T>(work: (tx: TaskQueries, trx: Kysely<DB>) => Promise<T>) =>
      transact(db, (trx) => work(taskQueries(trx), trx)),
  };
}

export type TasksRepository = ReturnType<typeof createTasksRepository>;
