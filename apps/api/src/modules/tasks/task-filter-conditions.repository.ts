import { type Expression, type SqlBool, sql } from 'kysely';
import type { TaskFilters } from './task-filters.ts';

/**
 * The conditions of the filters on the tasks table (named `table` in a query that joins
 * others), each written so that the index made for it serves it.
 */
export function taskFilterConditions(filters: TaskFilters, table?: string): Expression<SqlBool>[] {
  const col = (name: string) => sql.ref(table ? `${table}.${name}` : name);
  const conditions: Expression<SqlBool>[] = [];
  const where = (condition: Expression<SqlBool>) => conditions.push(condition);
  if (filters.status) where(sql<SqlBool>`${col('status')} in (${sql.join(filters.status)})`);
  if (filters.priority) {
    where(sql<SqlBool>`${col('priority')} in (${sql.join(filters.priority)})`);
  }
  if (filters.assignee === null) where(sql<SqlBool>`${col('assignee_id')} is null`);
  else if (filters.assignee) where(sql<SqlBool>`${col('assignee_id')} = ${filters.assignee}`);
  if (filters.label) where(sql<SqlBool>`${col('labels')} @> array[${filters.label}]::text[]`);
  // On the due-sort key, so tasks_by_due serves the range (an undated task is due at infinity).
  const due = sql`coalesce(${col('due_date')}, 'infinity'::date)`;
  // Both ends are inclusive: a task due on the day named is in the range.
  if (filters.dueBefore) where(sql<SqlBool>`${due} <= ${filters.dueBefore}::date`);
  if (filters.dueAfter) {
    where(sql<SqlBool>`${due} >= ${filters.dueAfter}::date`);
    where(sql<SqlBool>`${col('due_date')} is not null`);
  }
  if (filters.search === null) where(sql<SqlBool>`false`);
  else if (filters.search) {
    where(sql<SqlBool>`${col('search')} @@ to_tsquery('simple', ${filters.search})`);
  }
  return conditions;
}
