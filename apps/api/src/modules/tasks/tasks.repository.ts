import { RESTORE_WINDOW_DAYS, type TaskPriority, type TaskStatus } from '@taskflow/contract';
import { type ExpressionBuilder, type Kysely, sql, type UpdateObject } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { isForeignKeyViolation } from '../../platform/db/constraints.ts';
import { prepared } from '../../platform/db/prepared.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import {
  type CountInput,
  callerIsMember,
  type ListInput,
  listTasksQuery,
  liveTasks,
  statusCountsQuery,
  taskColumns,
} from './task-list.repository.ts';

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

export const now = sql<string>`now()`;

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

/** An assignee who is not a member of the workspace fails its foreign key. */
export async function orAssigneeError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isForeignKeyViolation(error, 'tasks_assignee_member')) {
      throw InvalidInputError.field('assigneeId', 'The assignee must be a member of the workspace');
    }
    throw error;
  }
}

/** The live tasks of a workspace, with their columns, if the caller belongs to it. */
const visibleTasks = (db: Kysely<DB>, scope: TaskScope) =>
  liveTasks(db, scope.workspaceId)
    .select(taskColumns)
    .where(callerIsMember(scope.workspaceId, scope.userId));

/** One of them by id: the most frequent read of all, so compiled once. */
const findTask = prepared(3, (db: Kysely<DB>, workspaceId: string, userId: string, id: string) =>
  visibleTasks(db, { workspaceId, userId }).where('id', '=', id),
);

/** An update of the scope's tasks, if the caller is a member. */
const updateScoped = (db: Kysely<DB>, scope: TaskScope) =>
  db
    .updateTable('tasks')
    .where('workspace_id', '=', scope.workspaceId)
    .where(callerIsMember(scope.workspaceId, scope.userId));

/** An update of the scope's live tasks with these ids, answering the tasks as they are after it. */
export const updateLiveTasks = (db: Kysely<DB>, scope: TaskScope, ids: string | string[]) =>
  updateScoped(db, scope)
    .where('id', Array.isArray(ids) ? 'in' : '=', ids)
    .where('deleted_at', 'is', null)
    .returning(taskColumns);

/** A change's columns, with the task's version bumped and its update time. */
export const withNewVersion =
  (changes: TaskChanges) =>
  (eb: ExpressionBuilder<DB, 'tasks'>): UpdateObject<DB, 'tasks'> => ({
    ...changedColumns(changes),
    version: eb('version', '+', 1),
    updated_at: now,
  });

/**
 * The statements on tasks: the only place tasks meet SQL. Every one is scoped to a workspace the
 * caller is a member of, except `unassign`, which the workspace's owner runs.
 */
export function createTasksRepository(db: Kysely<DB>) {
  const update = (scope: TaskScope) => updateScoped(db, scope);
  const updateLive = (scope: TaskScope, ids: string | string[]) => updateLiveTasks(db, scope, ids);

  return {
    list: (input: ListInput) => listTasksQuery(db, input).execute(),

    statusCounts: (input: CountInput) => statusCountsQuery(db, input).executeTakeFirstOrThrow(),

    find: async (scope: TaskScope, taskId: string) =>
      (await findTask(db, scope.workspaceId, scope.userId, taskId))[0],

    /** Live tasks, locked until the transaction ends (the state a change starts from). */
    lock: (scope: TaskScope, taskIds: string[]) =>
      visibleTasks(db, scope).where('id', 'in', taskIds).orderBy('id').forUpdate().execute(),

    /** The caller's role and the first position of the workspace; undefined if not a member. */
    placementForNew: (scope: TaskScope) =>
      db
        .selectFrom('workspace_members as m')
        .select('m.role')
        .select(
          liveTasks(db, scope.workspaceId, 't')
            .select('t.position')
            .orderBy('t.position')
            .limit(1)
            .as('first_position'),
        )
        .where('m.workspace_id', '=', scope.workspaceId)
        .where('m.user_id', '=', scope.userId)
        .executeTakeFirst(),

    insert: (scope: TaskScope, task: NewTask) =>
      orAssigneeError(
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
      ),

    /** Applies a change to a live task; undefined when there is none. */
    update: (scope: TaskScope, taskId: string, changes: TaskChanges) =>
      orAssigneeError(updateLive(scope, taskId).set(withNewVersion(changes)).executeTakeFirst()),

    /**
     * Takes a leaving member's tasks off them, deleted ones included (an assignee must be a
     * member): the live tasks as they were and as they are now.
     */
    unassign: async (workspaceId: string, userId: string) => {
      const before = await db
        .selectFrom('tasks')
        .select(taskColumns)
        .select('deleted_at')
        .where('workspace_id', '=', workspaceId)
        .where('assignee_id', '=', userId)
        .orderBy('id')
        .forUpdate()
        .execute();
      if (before.length === 0) return [];
      const after = await db
        .updateTable('tasks')
        .set((eb) => ({ assignee_id: null, version: eb('version', '+', 1), updated_at: now }))
        .where(
          'id',
          'in',
          before.map((t) => t.id),
        )
        .returning(taskColumns)
        .execute();
      const byId = new Map(after.map((t) => [t.id, t]));
      return before.flatMap(({ deleted_at, ...task }) => {
        const now = byId.get(task.id);
        return deleted_at === null && now ? [{ before: task, task: now }] : [];
      });
    },

    /** Sets the status of every listed live task; the tasks changed (fewer if some were not found). */
    setStatus: (scope: TaskScope, taskIds: string[], status: TaskStatus) =>
      updateLive(scope, taskIds).set(withNewVersion({ status })).execute(),

    softDelete: (scope: TaskScope, taskId: string) =>
      updateLive(scope, taskId)
        .set((eb) => ({ deleted_at: now, updated_at: now, version: eb('version', '+', 1) }))
        .executeTakeFirst(),

    /** Brings a task deleted within the restore window back. */
    restore: (scope: TaskScope, taskId: string) =>
      update(scope)
        .set((eb) => ({ deleted_at: null, updated_at: now, version: eb('version', '+', 1) }))
        .where('id', '=', taskId)
        .where(
          'deleted_at',
          '>',
          sql<string>`now() - make_interval(days => ${RESTORE_WINDOW_DAYS})`,
        )
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
      const row = await liveTasks(db, workspaceId, 't')
        .select('t.position')
        .where('t.id', '!=', movingId)
        .where('t.position', side === 'after' ? '>' : '<', position)
        .orderBy('t.position', side === 'after' ? 'asc' : 'desc')
        .limit(1)
        .executeTakeFirst();
      return row?.position ?? null;
    },

    /**
     * The open, assigned tasks due today or tomorrow (UTC) that have had no reminder for this due
     * date, at most `batch`; each is claimed in `due_reminders` in the same statement, so a
     * reminder is made once per task and due date, however many runs or workers see it.
     */
    claimDueReminders: async (batch: number) => {
      const { rows } = await sql<{
        task_id: string;
        workspace_id: string;
        title: string;
        due_date: string;
        assignee_id: string;
        email: string;
        today: boolean;
      }>`
        with due as (
          select t.id, t.due_date from tasks t
          where t.deleted_at is null and t.status <> 'done' and t.assignee_id is not null
            and t.due_date between current_date and current_date + 1
          order by t.due_date, t.id
          limit ${batch}
        ), claimed as (
          insert into due_reminders (task_id, due_date)
          select id, due_date from due
          on conflict do nothing
          returning task_id, due_date
        )
        select t.id as task_id, t.workspace_id, t.title,
          to_char(c.due_date, 'YYYY-MM-DD') as due_date, t.assignee_id, u.email,
          c.due_date = current_date as today
        from claimed c join tasks t on t.id = c.task_id join users u on u.id = t.assignee_id`.execute(
        db,
      );
      return rows;
    },

    /** The labels in use in a workspace, for filters and suggestions. */
    labels: async (workspaceId: string) => {
      const rows = await db
        .selectFrom(
          liveTasks(db, workspaceId).select(sql<string>`unnest(labels)`.as('label')).as('l'),
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

export type TasksRepository = ReturnType<typeof createTasksRepository>;
export type TaskRow = NonNullable<Awaited<ReturnType<TasksRepository['find']>>>;
