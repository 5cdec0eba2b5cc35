import { TASK_STATUSES, type TaskSort } from '@taskflow/contract';
import { type Kysely, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { taskFilterConditions } from './task-filter-conditions.repository.ts';
import type { TaskFilters } from './task-filters.ts';
import type { Cursor } from './tasks.cursor.ts';

/** The columns of a task as the API returns it; the due date as text, never a local Date. */
export const taskColumns = [
  'id',
  'workspace_id',
  'title',
  'description',
  'status',
  'priority',
  sql<string | null>`to_char(due_date, 'YYYY-MM-DD')`.as('due_date'),
  'assignee_id',
  'labels',
  'position',
  'version',
  'created_by',
  'created_at',
  'updated_at',
  'completed_at',
] as const;

/**
 * The live (not deleted) tasks of a workspace: where every read of tasks starts. `as` names the
 * table, for a query that joins others.
 */
export function liveTasks(
  db: Kysely<DB>,
  workspaceId: string,
): SelectQueryBuilder<DB, 'tasks', object>;
export function liveTasks<A extends string>(
  db: Kysely<DB>,
  workspaceId: string,
  as: A,
): SelectQueryBuilder<DB & { [T in A]: DB['tasks'] }, A, object>;
export function liveTasks(db: Kysely<DB>, workspaceId: string, as?: string) {
  const column = (name: string) => (as ? `${as}.${name}` : name) as 'workspace_id';
  return db
    .selectFrom(as ? (`tasks as ${as}` as 'tasks') : 'tasks')
    .where(column('workspace_id'), '=', workspaceId)
    .where(column('deleted_at'), 'is', null);
}

/** The caller belongs to the workspace: part of every task query, so no task leaks by id. */
export const callerIsMember = (workspaceId: string, userId: string) =>
  sql<boolean>`exists (
    select 1 from workspace_members m where m.workspace_id = ${workspaceId} and m.user_id = ${userId}
  )`;

/**
 * How many live comments and ready files each task has, for the cards of a list: counters on the
 * task row, kept by triggers in the transactions that change them (0011, decision 0022).
 */
const taskCounts = ['comment_count', 'attachment_count'] as const;

export type ListInput = {
  workspaceId: string;
  userId: string;
  filters: TaskFilters;
  sort: TaskSort;
  cursor?: Cursor | undefined;
  limit: number;
};

type SortSpec = {
  key: (search: string) => RawBuilder<unknown>;
  /** The SQL type a cursor's key text is cast back to (fixed strings, never input). */
  type: string;
  direction: 'asc' | 'desc';
};

/** Each sort is a key plus the id as tie-breaker, walked by an index of the same shape. */
const sorts: Record<TaskSort, SortSpec> = {
  position: { key: () => sql`position`, type: 'text', direction: 'asc' },
  updated: { key: () => sql`updated_at`, type: 'timestamptz', direction: 'desc' },
  created: { key: () => sql`created_at`, type: 'timestamptz', direction: 'desc' },
  due: { key: () => sql`coalesce(due_date, 'infinity'::date)`, type: 'date', direction: 'asc' },
  priority: { key: () => sql`priority`, type: 'task_priority', direction: 'desc' },
  relevance: {
    key: (search) => sql`ts_rank(search, to_tsquery('simple', ${search}))`,
    type: 'real',
    direction: 'desc',
  },
};

/**
 * One page of a workspace's live tasks, filtered and sorted, one task more than `limit` (to
 * know whether a next page exists). Each row carries `sort_key`, the text of its sort key, and
 * the counts its card shows, in the same statement.
 */
export function listTasksQuery(db: Kysely<DB>, input: ListInput) {
  const { workspaceId, userId, filters, cursor } = input;
  const spec = sorts[input.sort];
  const key = spec.key(filters.search ?? '');
  let query = liveTasks(db, workspaceId)
    .select(taskColumns)
    .select(sql<string>`${key}::text`.as('sort_key'))
    .select(taskCounts)
    .where(callerIsMember(workspaceId, userId));

  for (const condition of taskFilterConditions(filters)) query = query.where(condition);
  if (cursor) {
    const after = spec.direction === 'asc' ? sql.raw('>') : sql.raw('<');
    query = query.where(
      sql<boolean>`(${key}, id) ${after} (${cursor.key}::${sql.raw(spec.type)}, ${cursor.id}::uuid)`,
    );
  }
  return query
    .orderBy(key, spec.direction)
    .orderBy('id', spec.direction)
    .limit(input.limit + 1);
}

/** Whose tasks, narrowed how: what the counts of a board's columns are asked for. */
export type CountInput = Pick<ListInput, 'workspaceId' | 'userId' | 'filters'>;

/**
 * How many live tasks of each status match the filters, through the list's own conditions (so
 * a column's count is the length of its list), and whether the caller is a member, in one
 * statement: an aggregate answers one row even when nothing matches.
 */
export function statusCountsQuery(db: Kysely<DB>, { workspaceId, userId, filters }: CountInput) {
  const member = callerIsMember(workspaceId, userId);
  let query = liveTasks(db, workspaceId)
    .select(member.as('member'))
    .select(TASK_STATUSES.map((s) => sql<number>`count(*) filter (where status = ${s})::int`.as(s)))
    .where(member);
  for (const condition of taskFilterConditions(filters)) query = query.where(condition);
  return query;
}

/** A live task of a workspace, as seen by `userId`. */
export type TaskAccessScope = { workspaceId: string; taskId: string; userId: string };

/**
 * The caller's role in the workspace and the task's title (null unless the task is live
 * there), in one statement; undefined when the caller is not a member. What comments and
 * attachments check before anything else.
 */
export const taskAccess = (db: Kysely<DB>, scope: TaskAccessScope) =>
  db
    .selectFrom('workspace_members as m')
    .select(['m.role', 'm.user_id'])
    .select(
      liveTasks(db, scope.workspaceId, 't')
        .select('t.title')
        .where('t.id', '=', scope.taskId)
        .as('task_title'),
    )
    .where('m.workspace_id', '=', scope.workspaceId)
    .where('m.user_id', '=', scope.userId)
    .executeTakeFirst();
